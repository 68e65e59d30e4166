package nl.tijdig.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.WebhookRetry;
import nl.tijdig.notification.store.WebhookDeliveries;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks: claims due deliveries in batches and sends each on its own virtual thread, at most
 * {@code per-endpoint} at a time to one endpoint and {@code in-flight} in all, so that a slow or failing
 * endpoint holds back only its own deliveries; what was delivered is recorded in batches. Each attempt: the target checked again (a name may now resolve
 * to a private address), a POST of the stored body with the Standard Webhooks headers (signed with the current
 * secret, and during a rotation with the previous one too), no redirects followed, answered within
 * {@code timeout}. A 2xx is delivered; anything else is retried by the schedule with jitter, then
 * dead-lettered. A crash mid-attempt leaves the delivery leased; when the lease ends it is sent again with the
 * same {@code webhook-id}: at least once.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration DB = Duration.ofSeconds(30);
    private static final int RESPONSE_CHARS = 1024;

    @Inject
    Pool pool;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookSecrets secrets;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    /** The {@code webhook-timestamp}: transport time, whatever the business clock says. */
    @Inject
    @nl.tijdig.runtime.clock.WallClock
    Clock wallClock;

    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final java.util.concurrent.BlockingQueue<WebhookDeliveries.Delivered> delivered = new java.util.concurrent.LinkedBlockingQueue<>();
    private ScheduledExecutorService poller;
    private Thread recorder;
    private ExecutorService senders;
    private HttpClient http;
    private WebhookRetry retry;

    void start(@Observes StartupEvent event) {
        NotificationConfig.Webhooks settings = config.webhooks();
        retry = new WebhookRetry(settings.retrySchedule(), settings.jitter(), settings.disableAfter());
        if (!settings.enabled()) {
            LOG.info("webhook delivery is off (tijdig.notification.webhooks.enabled=false): deliveries wait");
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tijdig-webhook-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tijdig-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        long poll = settings.poll().toMillis();
        poller.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
        recorder = Thread.ofPlatform().name("tijdig-webhook-recorder").daemon().start(this::record);
    }

    /**
     * Records what was delivered, many deliveries per transaction (as they come: one when the load is low, up to
     * {@code batch} when it is high). Should recording fail, the deliveries' leases run out and they are sent
     * again (at least once).
     */
    private void record() {
        List<WebhookDeliveries.Delivered> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(delivered.take());
                delivered.drainTo(batch, config.webhooks().batch() * 4 - 1);
                List<WebhookDeliveries.Delivered> done = List.copyOf(batch);
                pool.withTransaction(tx -> deliveries.delivered(tx, done)).await().atMost(DB);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(e, "recording %d webhook deliveries (they will be sent again when their lease ends): %s", batch.size(),
                        e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdownNow();
            recorder.interrupt();
        }
    }

    /** Claims and starts what is due, until nothing is or every slot is taken. */
    void drain() {
        NotificationConfig.Webhooks settings = config.webhooks();
        try {
            while (true) {
                int room = settings.inFlight() - total.get();
                if (room <= 0) {
                    return;
                }
                Map<UUID, Integer> busy = new java.util.HashMap<>();
                inFlight.forEach((id, n) -> busy.put(id, n.get()));
                Duration lease = settings.timeout().multipliedBy(2).plusSeconds(30);
                List<WebhookDeliveries.Claimed> claimed = pool.withTransaction(tx -> deliveries.claim(tx,
                        Math.min(room, settings.batch()), settings.perEndpoint(), busy, lease)).await().atMost(DB);
                for (WebhookDeliveries.Claimed c : claimed) {
                    inFlight.computeIfAbsent(c.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
                    total.incrementAndGet();
                    senders.execute(() -> {
                        try {
                            deliver(c);
                        } catch (RuntimeException e) {
                            // recording failed: the lease runs out and the delivery is tried again
                            LOG.warnf(e, "webhook delivery %s: %s", c.deliveryId(), e.getMessage());
                        } finally {
                            inFlight.get(c.subscriptionId()).decrementAndGet();
                            total.decrementAndGet();
                        }
                    });
                }
                if (claimed.isEmpty()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhooks: %s", e.getMessage());
        }
    }

    private void deliver(WebhookDeliveries.Claimed c) {
        WebhookDeliveries.Outcome outcome = send(c);
        if (outcome == null) {
            return; // stopped mid-attempt: the lease runs out and the delivery is tried again
        }
        if (outcome.delivered()) {
            delivered.add(new WebhookDeliveries.Delivered(c, outcome));
            return;
        }
        boolean disabled = pool.withTransaction(tx -> deliveries.failed(tx, c, outcome, retry, ThreadLocalRandom.current().nextDouble()))
                .await().atMost(DB);
        LOG.infof("webhook delivery %s to %s, attempt %d: %s%s", c.deliveryId(), c.url(), c.attempt(), outcome.summary(),
                disabled ? "; the subscription is disabled (failing since long enough)" : "");
    }

    /** One attempt: what happened (null when the service stopped mid-attempt). */
    WebhookDeliveries.Outcome send(WebhookDeliveries.Claimed c) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        NotificationConfig.Webhooks settings = config.webhooks();
        PublicTarget.Rules rules = new PublicTarget.Rules(settings.requireHttps(), settings.allowLoopback());
        Optional<String> refused = PublicTarget.refusal(c.url(), rules, PublicTarget.Resolver.SYSTEM);
        if (refused.isPresent()) {
            return new WebhookDeliveries.Outcome(started, 0, null, null, "refused: the URL " + refused.get());
        }
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(c.secret()));
        if (c.previousSecret() != null && c.previousSecretUntil() != null && c.previousSecretUntil().isAfter(started)) {
            signing.add(secrets.open(c.previousSecret()));
        }
        String id = c.eventId().toString();
        long timestamp = wallClock.instant().getEpochSecond(); // transport time: the receiver checks it against its clock
        HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                .timeout(settings.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "Tijdig-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.header(signing, id, timestamp, c.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(RESPONSE_CHARS), StandardCharsets.UTF_8).replace("\u0000", "");
            }
            return new WebhookDeliveries.Outcome(started, millis(t0), response.statusCode(), answer.isEmpty() ? null : answer, null);
        } catch (HttpConnectTimeoutException e) {
            return new WebhookDeliveries.Outcome(started, millis(t0), null, null, "could not connect within " + settings.timeout());
        } catch (HttpTimeoutException e) {
            return new WebhookDeliveries.Outcome(started, millis(t0), null, null, "no answer within " + settings.timeout());
        } catch (IOException e) {
            return new WebhookDeliveries.Outcome(started, millis(t0), null, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
