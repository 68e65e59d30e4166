package nl.tijdig.payment.paylink;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.payment.store.PayLinks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates and closes payment links at the providers, one link at a time, each in a transaction that
 * holds its row ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work): a provider call that
 * fails is tried again later (up to 10 times); create is idempotent at the provider by the link id.
 */
@ApplicationScoped
public class PayLinkWorker {

    private static final Logger LOG = Logger.getLogger(PayLinkWorker.class);
    private static final Duration DB = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    PayLinks links;

    @ConfigProperty(name = "tijdig.pay-links.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tijdig.pay-links.poll", defaultValue = "PT0.5S")
    Duration poll;

    @Inject
    PaymentProviderClient client;
    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tijdig-pay-links");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drain, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Works until nothing is left to do. */
    void drain() {
        try {
            while (workOne()) {
                // next
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "pay-link worker: %s", e.getMessage());
        }
    }

    /** Claims one link, calls its provider (no transaction open meanwhile), records the outcome. */
    private boolean workOne() {
        Optional<PayLinks.Link> claimed = links.claim(pool).await().atMost(DB);
        if (claimed.isEmpty()) {
            return false;
        }
        PayLinks.Link link = claimed.get();
        Optional<PayLinks.Provider> provider = links.provider(pool, link.tenant()).await().atMost(DB);
        if (provider.isEmpty()) {
            pool.withTransaction(tx -> links.failed(tx, link, "the tenant has no payment provider any more")).await().atMost(DB);
            return true;
        }
        PayLinks.Provider p = provider.get();
        try {
            if ("PENDING".equals(link.status())) {
                PaymentProviderClient.Created created = client.create(p.baseUrl(), p.apiKey(), link.amount(),
                        "Factuur " + link.invoiceNumber(), p.redirectUrl() == null ? p.webhookBaseUrl() : p.redirectUrl(),
                        p.webhookUrl(), link.linkId().toString());
                pool.withTransaction(tx -> links.opened(tx, link, created.id(), created.checkoutUrl(), p.provider()))
                        .await().atMost(DB);
            } else {
                if (link.providerPaymentId() != null) {
                    client.cancel(p.baseUrl(), p.apiKey(), link.providerPaymentId());
                }
                PaymentLinkClosed.Reason reason = link.closeReason() == null ? PaymentLinkClosed.Reason.SETTLED
                        : PaymentLinkClosed.Reason.valueOf(link.closeReason());
                pool.withTransaction(tx -> links.closed(tx, link, reason)).await().atMost(DB);
            }
        } catch (RuntimeException e) {
            // the provider refused or did not answer, or recording failed: tried again after a pause
            LOG.infof("pay link %s: %s", link.linkId(), e.getMessage());
            pool.withTransaction(tx -> links.failed(tx, link, String.valueOf(e.getMessage()))).await().atMost(DB);
        }
        return true;
    }
}
