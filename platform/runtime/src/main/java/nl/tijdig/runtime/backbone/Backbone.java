package nl.tijdig.runtime.backbone;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.inbox.ConsumerSettings;
import nl.tijdig.eventstore.inbox.DeadLetters;
import nl.tijdig.eventstore.inbox.EventConsumer;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.eventstore.outbox.RelaySettings;
import nl.tijdig.kernel.IdGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The event backbone of a service as beans: the {@link Clock} (UTC system clock unless the
 * application provides another; movable when {@code tijdig.clock.movable}, for tests and demos), the {@link IdGenerator}, the {@link EventStore}, the outbox relay
 * and one consumer per {@link EventSubscription}. The relay and the consumers start with the
 * application and stop with it.
 */
@ApplicationScoped
public class Backbone {

    private static final Logger LOG = Logger.getLogger(Backbone.class);

    private final List<EventConsumer> consumers = new ArrayList<>();
    private OutboxRelay relay;

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(nl.tijdig.runtime.clock.ClockConfig config) {
        if (config.sharedFile().isPresent()) {
            LOG.infof("the business clock is shared through %s (demo): movable", config.sharedFile().get());
            return nl.tijdig.runtime.clock.MovableClock.shared(Clock.systemUTC(), java.nio.file.Path.of(config.sharedFile().get()),
                    config.sharedRecheck());
        }
        return config.movable() ? new nl.tijdig.runtime.clock.MovableClock(Clock.systemUTC()) : Clock.systemUTC();
    }

    @Produces
    @DefaultBean
    @Singleton
    IdGenerator ids(Clock clock) {
        return IdGenerator.uuidV7(clock);
    }

    /** Transport time (see {@link nl.tijdig.runtime.clock.WallClock}): the machine's clock, never moved. */
    @Produces
    @Singleton
    @nl.tijdig.runtime.clock.WallClock
    Clock wallClock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    EventStore eventStore(Clock clock) {
        return new EventStore(clock, CloudEventsKafka.standard(), EventTracing::current);
    }

    @Produces
    @Singleton
    nl.tijdig.eventstore.GroupCommit groupCommit(io.vertx.core.Vertx vertx, Pool pool, BackboneConfig config) {
        return new nl.tijdig.eventstore.GroupCommit(vertx, pool, config.groupCommit().maxGroup());
    }

    @Produces
    @Singleton
    DeadLetters deadLetters(Pool pool, Clock clock) {
        return new DeadLetters(pool, clock);
    }

    void start(@Observes StartupEvent startup, Pool pool, Clock clock, BackboneConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String service,
            Instance<EventSubscription> subscriptions, Instance<io.opentelemetry.api.trace.Tracer> tracers) {
        Map<String, String> security = KafkaClientSecurity.from(
                name -> org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(name, String.class));
        if (config.outbox().enabled()) {
            relay = new OutboxRelay(service, pool, OutboxRelay.producer(bootstrapServers, service + "-relay", security),
                    new RelaySettings(config.outbox().batchSize(), config.outbox().idlePoll(),
                            config.outbox().leaderRetry(), java.time.Duration.ofSeconds(1)));
            relay.start();
        }
        if (config.consumers().enabled()) {
            ConsumerSettings settings = new ConsumerSettings(config.consumers().attempts(), config.consumers().backoff(),
                    config.consumers().maxPollRecords(), java.time.Duration.ofMillis(500));
            for (EventSubscription subscription : subscriptions) {
                EventHandler handler = tracers.isResolvable()
                        ? EventTracing.consuming(tracers.get(), subscription.name(), subscription.handler())
                        : subscription.handler();
                EventConsumer consumer = new EventConsumer(subscription.name(), subscription.topics(), bootstrapServers,
                        security, pool, handler, CloudEventsKafka.standard(), settings, clock);
                consumer.start();
                consumers.add(consumer);
            }
        }
        LOG.infof("%s: event backbone started (relay %s, %d consumers)", service,
                relay == null ? "off" : "on", consumers.size());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        consumers.forEach(EventConsumer::stop);
        consumers.clear();
        if (relay != null) {
            relay.stop();
            relay = null;
        }
    }

    /** The running relay, if this replica runs one. */
    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }

    /** Re-drives a dead letter through the consumer it belongs to; the error when it failed again. */
    public Optional<String> redrive(String consumerName, UUID deadLetterId) {
        return consumers.stream().filter(c -> c.name().equals(consumerName)).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.WebApplicationException("consumer " + consumerName
                        + " does not run in this replica (consumers are off, or it was renamed): re-drive it where it runs",
                        409))
                .redrive(deadLetterId);
    }
}
