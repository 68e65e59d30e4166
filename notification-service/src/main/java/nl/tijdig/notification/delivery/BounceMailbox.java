package nl.tijdig.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.Bounce;
import nl.tijdig.notification.store.Communications;
import org.jboss.logging.Logger;

/**
 * Reads the bounce address's mailbox over IMAP ({@code tijdig.notification.bounces.*}): each delivery status
 * notification that reports a failure for an email this service sent makes it BOUNCED, with
 * NotificationFailed. Every message read is removed from the mailbox once handled (a DSN that names no email
 * of ours, or any other mail, is removed too, and logged).
 */
@ApplicationScoped
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class);
    private static final Duration DB = Duration.ofSeconds(30);

    @Inject
    NotificationConfig config;

    @Inject
    Pool pool;

    @Inject
    Communications communications;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (config.bounces().host().isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tijdig-bounces");
            thread.setDaemon(true);
            return thread;
        });
        long poll = config.bounces().poll().toMillis();
        executor.scheduleWithFixedDelay(this::read, poll, poll, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void read() {
        NotificationConfig.Bounces c = config.bounces();
        Properties properties = new Properties();
        properties.put("mail.store.protocol", c.protocol());
        properties.put("mail." + c.protocol() + ".connectiontimeout", "10000");
        properties.put("mail." + c.protocol() + ".timeout", "10000");
        try {
            Store store = Session.getInstance(properties).getStore(c.protocol());
            store.connect(c.host().orElseThrow(), c.port(), c.username().orElse(null), c.password().orElse(null));
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                try {
                    for (Message message : inbox.getMessages()) {
                        handle(message);
                        message.setFlag(Flags.Flag.DELETED, true);
                    }
                } finally {
                    inbox.close(true);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warnf("bounce mailbox: %s", e.getMessage());
        }
    }

    private void handle(Message message) throws MessagingException, IOException {
        Optional<Bounce> bounce = Bounce.parse(part(message, "message/delivery-status"), returnedHeaders(message));
        if (bounce.isEmpty()) {
            LOG.infof("bounce mailbox: \"%s\" is not a failure report about an email: removed", message.getSubject());
            return;
        }
        Bounce b = bounce.get();
        for (int attempt = 1;; attempt++) {
            try {
                boolean ended = pool.withTransaction(tx -> communications.bounced(tx, b.messageId(), b.reason(), b.permanent()))
                        .await().atMost(DB);
                LOG.infof("bounce of %s: %s%s", b.messageId(), b.reason(), ended ? "" : " (no email of ours waiting for it)");
                return;
            } catch (ConcurrencyConflictException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** The text of the first part of the type, or null. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The headers of the email that bounced: a text/rfc822-headers part, or a returned message/rfc822. */
    private static String returnedHeaders(Message message) throws MessagingException, IOException {
        String headers = part(message, "text/rfc822-headers");
        if (headers != null) {
            return headers;
        }
        String returned = part(message, "message/rfc822");
        if (returned == null) {
            return null;
        }
        MimeMessage original = new MimeMessage(null, new java.io.ByteArrayInputStream(returned.getBytes(StandardCharsets.UTF_8)));
        StringBuilder b = new StringBuilder();
        for (Enumeration<String> lines = original.getAllHeaderLines(); lines.hasMoreElements();) {
            b.append(lines.nextElement()).append("\r\n");
        }
        return b.toString();
    }
}
