package nl.tijdig.notification;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.tijdig.testing.process.Ports;

/**
 * A real SMTP server for the tests (GreenMail on a free port), which refuses recipients at
 * {@code rejects.invalid} the way a real one does ({@code 550 5.1.1}).
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    /** Mail to this domain is refused at RCPT TO. */
    public static final String REJECTING_DOMAIN = "rejects.invalid";

    /** The bounce address (and its IMAP login). */
    public static final String BOUNCES = "bounces@tijdig.local";

    private static volatile GreenMail server;

    /** The running server. */
    public static GreenMail server() {
        return server;
    }

    /** What arrived for an address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public Map<String, String> start() {
        int port = Ports.free();
        int imap = Ports.free();
        GreenMail mail = new RejectingGreenMail(new ServerSetup[] {new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}, () -> { });
        mail.start();
        mail.setUser(BOUNCES, BOUNCES, "bounces-secret");
        server = mail;
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "tijdig.notification.email.bounce-address", BOUNCES,
                "tijdig.notification.bounces.host", "127.0.0.1", "tijdig.notification.bounces.port", String.valueOf(imap),
                "tijdig.notification.bounces.protocol", "imap", "tijdig.notification.bounces.username", BOUNCES,
                "tijdig.notification.bounces.password", "bounces-secret", "tijdig.notification.bounces.poll", "PT0.5S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** GreenMail whose SMTP server refuses recipients at {@link #REJECTING_DOMAIN}. */
    static final class RejectingGreenMail extends GreenMail {

        /** {@code afterDelivery} runs when a message has been stored, before the client is told "250 OK". */
        RejectingGreenMail(ServerSetup setup, Runnable afterDelivery) {
            this(new ServerSetup[] {setup}, afterDelivery);
        }

        RejectingGreenMail(ServerSetup[] setups, Runnable afterDelivery) {
            super(setups);
            managers = new Managers() {
                private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress address) {
                        if (address.getEmail().toLowerCase().endsWith("@" + REJECTING_DOMAIN)) {
                            return "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: User unknown";
                        }
                        return super.checkRecipient(state, address);
                    }

                    @Override
                    public synchronized void send(SmtpState state) {
                        super.send(state);
                        afterDelivery.run();
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }
            };
        }
    }
}
