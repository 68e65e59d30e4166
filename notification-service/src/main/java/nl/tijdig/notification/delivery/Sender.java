package nl.tijdig.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.Delivery;
import nl.tijdig.notification.domain.LetterModel;
import nl.tijdig.notification.domain.LetterTemplate;
import nl.tijdig.notification.domain.OverviewModel;
import nl.tijdig.notification.letters.LetterRenderer;
import nl.tijdig.notification.store.Communications;
import nl.tijdig.notification.store.LetterTemplates;
import nl.tijdig.notification.store.OverviewMails;
import nl.tijdig.notification.store.WebhookSubscriptions;
import org.jboss.logging.Logger;

/**
 * Sends what is due, channel by channel: claims a batch (each communication leased for its attempt's
 * back-off), and per communication, outside any transaction: the last check (every invoice paid since →
 * SUPPRESSED), the rendering (stored before the first attempt, so every attempt sends the same letter with
 * the same Message-ID), the hand-over, and then its end in a transaction with its event. A crash between
 * hand-over and record leaves the communication PREPARED; when the lease ends it is sent again with the
 * same Message-ID: at least once, never knowingly twice.
 */
@ApplicationScoped
public class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final Duration DB = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    Communications communications;

    @Inject
    LetterTemplates templates;

    @Inject
    LetterRenderer renderer;

    @Inject
    NotificationConfig config;

    @Inject
    Instance<ChannelConnector> connectors;

    @Inject
    OverviewMails overviewMails;

    @Inject
    EmailConnector email;

    @Inject
    WebhookSubscriptions webhooks;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (!config.sender().enabled()) {
            LOG.info("the sender is off (tijdig.notification.sender.enabled=false): communications wait");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tijdig-sender");
            thread.setDaemon(true);
            return thread;
        });
        long poll = config.sender().poll().toMillis();
        executor.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Works until nothing is due on any channel. */
    void drain() {
        try {
            for (ChannelConnector connector : connectors) {
                if (!connector.enabled()) {
                    continue;
                }
                while (batch(connector) > 0) {
                    // next batch
                }
            }
            while (overviews() > 0) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "sender: %s", e.getMessage());
        }
    }

    private int batch(ChannelConnector connector) {
        List<Communications.Claimed> claimed = pool.withTransaction(tx -> communications.claim(tx, connector.channel(),
                config.sender().batch())).await().atMost(DB);
        for (Communications.Claimed c : claimed) {
            try {
                work(connector, c);
            } catch (RuntimeException e) {
                // recording failed: the lease runs out and the communication is worked again
                LOG.warnf(e, "communication %s: %s", c.communicationId(), e.getMessage());
            }
        }
        return claimed.size();
    }

    /** The weekly overviews due to creditors: sent, retried, or given up (no address, or refused). */
    private int overviews() {
        List<OverviewMails.Claimed> claimed = pool.withTransaction(tx -> overviewMails.claim(tx, config.sender().batch()))
                .await().atMost(DB);
        for (OverviewMails.Claimed c : claimed) {
            try {
                if (c.creditorEmail() == null) {
                    throw new ChannelConnector.DeliveryFailed("no email address of the creditor is known (CreditorProfileUpdated)",
                            false, null);
                }
                List<OverviewModel.DisabledWebhook> disabled = webhooks.disabled(pool, c.overview().tenantId()).await().atMost(DB).stream()
                        .map(s -> new OverviewModel.DisabledWebhook(s.url(), s.disabledAt(), s.lastError())).toList();
                LetterRenderer.Rendered mail = renderer.overview(c.overview(), c.creditorName(), disabled);
                email.sendToCreditor(c.creditorEmail(), mail.subject(), mail.html(), mail.text(), c.messageId());
                pool.withTransaction(tx -> overviewMails.sent(tx, c)).await().atMost(DB);
            } catch (ChannelConnector.DeliveryFailed e) {
                boolean end = Delivery.afterFailure(c.attempts(), e.permanent()) == Delivery.AfterFailure.GIVE_UP;
                pool.withTransaction(tx -> overviewMails.failed(tx, c, e.getMessage(), end)).await().atMost(DB);
                LOG.infof("weekly overview %s, attempt %d: %s%s", c.overviewId(), c.attempts(), e.getMessage(), end ? " (given up)" : "");
            }
        }
        return claimed.size();
    }

    private void work(ChannelConnector connector, Communications.Claimed c) {
        List<InvoiceId> paid = communications.paidInvoices(pool, c.tenant(), c.reminder()).await().atMost(DB);
        if (!paid.isEmpty()) {
            record(tx -> communications.suppressed(tx, c, paid));
            LOG.infof("communication %s suppressed: its invoices were paid", c.communicationId());
            return;
        }
        Communications.Rendered content = c.rendered();
        if (content == null) {
            Optional<LetterRenderer.Rendered> rendered = render(c);
            if (rendered.isEmpty()) {
                return;
            }
            LetterRenderer.Rendered r = rendered.get();
            pool.withTransaction(tx -> communications.rendered(tx, c.communicationId(), r)).await().atMost(DB);
            content = new Communications.Rendered(r.subject(), r.html(), r.text(), r.pdf(), r.contentHash());
        }
        try {
            connector.send(c, content);
        } catch (ChannelConnector.DeliveryFailed e) {
            String reason = e.getMessage();
            if (Delivery.afterFailure(c.attempts(), e.permanent()) == Delivery.AfterFailure.GIVE_UP) {
                record(tx -> communications.failed(tx, c, reason, e.permanent()));
                LOG.infof("communication %s failed after %d attempt(s): %s", c.communicationId(), c.attempts(), reason);
            } else {
                pool.withTransaction(tx -> communications.attemptFailed(tx, c, reason)).await().atMost(DB);
                LOG.infof("communication %s attempt %d failed, tried again: %s", c.communicationId(), c.attempts(), reason);
            }
            return;
        }
        String hash = content.contentHash();
        record(tx -> communications.sent(tx, c, hash));
    }

    /**
     * Records a communication's end with its event, in one transaction; when another communication of the
     * same case was recorded at the same moment (a version conflict on the case's stream), again, so that
     * what was handed over is not handed over a second time.
     */
    private void record(java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, io.smallrye.mutiny.Uni<Boolean>> end) {
        for (int attempt = 1;; attempt++) {
            try {
                pool.withTransaction(end).await().atMost(DB);
                return;
            } catch (ConcurrencyConflictException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** The letter with the tenant's template, else (or when the tenant's does not render) the built-in one. */
    private Optional<LetterRenderer.Rendered> render(Communications.Claimed c) {
        String language = LetterModel.language(c.reminder());
        Optional<LetterTemplate> own = templates.find(pool, c.tenant(), c.reminder().kind(), language).await().atMost(DB);
        try {
            return Optional.of(renderer.render(c.reminder(), own, c.channel()));
        } catch (LetterRenderer.RenderingFailed e) {
            if (own.isPresent()) {
                LOG.warnf("communication %s: the tenant's %s template does not render (%s); the built-in one is used",
                        c.communicationId(), c.reminder().kind(), e.getMessage());
                return Optional.of(renderer.render(c.reminder(), Optional.empty(), c.channel()));
            }
            record(tx -> communications.failed(tx, c, e.getMessage(), true));
            return Optional.empty();
        }
    }
}
