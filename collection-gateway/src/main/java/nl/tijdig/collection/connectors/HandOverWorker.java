package nl.tijdig.collection.connectors;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.collection.domain.CollectionCase;
import nl.tijdig.collection.store.CollectionCases;
import nl.tijdig.collection.store.HandOvers;
import nl.tijdig.collection.store.Notices;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import org.jboss.logging.Logger;

/**
 * Hands cases over to their partners: claims what is due, calls the partner's connector outside any transaction,
 * and records the end with the case's event — SUBMITTED (with the partner's reference), or after a permanent refusal
 * or the last attempt HAND_OVER_FAILED. Attempts back off from {@code first-retry}, doubling, to at most an hour. A
 * crash between the call and the record leaves the hand-over leased; it is tried again with the same idempotency key,
 * so the partner does not get the case twice.
 */
@ApplicationScoped
public class HandOverWorker {

    private static final Logger LOG = Logger.getLogger(HandOverWorker.class);
    private static final Duration DB = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    HandOvers handOvers;

    @Inject
    Notices notices;

    @Inject
    Partners partners;

    @Inject
    CollectionCases cases;

    @Inject
    Secrets secrets;

    @Inject
    Instance<AgencyConnector> connectors;

    @Inject
    CollectionConfig config;

    @Inject
    Clock clock;

    private Poller poller;

    void start(@Observes StartupEvent event) {
        if (!config.handOver().enabled()) {
            LOG.info("hand-overs are off (tijdig.collection.hand-over.enabled=false): cases wait");
            return;
        }
        poller = Poller.every("tijdig-hand-over", config.handOver().poll(), this::drain, this::drainRecalls);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
    }

    void drain() {
        Poller.drain(() -> pool.withTransaction(tx -> handOvers.claim(tx, kinds(), config.handOver().batch(), Poller.lease(config.handOver())))
                .await().atMost(DB), this::handOver, c -> "hand-over of case " + c.collectionCaseId());
    }

    /** Tells the partners with an API of their recalled cases, with the hand-over's retries; FAILED after the last. */
    void drainRecalls() {
        Poller.drain(() -> pool.withTransaction(tx -> notices.claim(tx, kinds(), config.handOver().batch(), Poller.lease(config.handOver())))
                .await().atMost(DB), this::tell, r -> "recall of case " + r.collectionCaseId());
    }

    private void tell(Notices.Recall recall) {
        Optional<Partners.Connection> found = partners.connection(pool, recall.partnerId()).await().atMost(DB);
        Optional<AgencyConnector> connector = found.flatMap(p -> connectors.stream().filter(k -> k.kind() == p.partner().kind()).findFirst());
        if (connector.isEmpty()) {
            notices.failed(pool, recall.collectionCaseId(), "no connector for the partner").await().atMost(DB);
            return;
        }
        try {
            connector.get().recall(secrets.connection(found.get()), recall.collectionCaseId(), recall.reason());
            notices.done(pool, recall.collectionCaseId()).await().atMost(DB);
            LOG.infof("case %s: %s told of the recall", recall.collectionCaseId(), found.get().partner().name());
        } catch (PartnerCall.Failed e) {
            if (e.notBefore().isPresent()) {
                notices.postpone(pool, recall.collectionCaseId(), e.notBefore().get()).await().atMost(DB);
            } else if (e.permanent() || recall.attempt() >= config.handOver().maxAttempts()) {
                notices.failed(pool, recall.collectionCaseId(), e.getMessage()).await().atMost(DB);
                LOG.warnf("case %s: the recall did not reach %s: %s", recall.collectionCaseId(), found.get().partner().name(), e.getMessage());
            } else {
                notices.attemptFailed(pool, recall.collectionCaseId(), e.getMessage()).await().atMost(DB);
            }
        }
    }

    private List<String> kinds() {
        return connectors.stream().map(k -> k.kind().name()).distinct().toList();
    }

    private void handOver(HandOvers.Claimed c) {
        Optional<Partners.Connection> found = partners.connection(pool, c.partnerId()).await().atMost(DB);
        if (found.isEmpty()) {
            record(c, tx -> handOvers.failed(tx, c.collectionCaseId(), "the partner is gone"), new CollectionCase.HandOverFailed(
                    "the partner is gone", clock.instant()));
            return;
        }
        Partners.Connection partner = found.get();
        Optional<AgencyConnector> connector = connectors.stream().filter(k -> k.kind() == partner.partner().kind()).findFirst();
        if (connector.isEmpty()) {
            // the partner's kind changed to one without a connector: the case stays OPENED, nothing is called again
            pool.withTransaction(tx -> handOvers.failed(tx, c.collectionCaseId(), "no connector for " + partner.partner().kind()))
                    .await().atMost(DB);
            return;
        }
        AgencyConnector.Connection connection = secrets.connection(partner);
        try {
            String reference = connector.get().handOver(connection, c.collectionCaseId(), c.dossier());
            // the creditor may have recalled the case while it was being handed over: then the partner is told at once
            record(c, tx -> handOvers.done(tx, c.collectionCaseId()).chain(() -> cases.load(tx, c.tenant(), c.collectionCaseId()))
                    .chain(now -> now.filter(k -> k.outcome() == CollectionCaseClosed.Outcome.RECALLED).isPresent()
                            ? notices.recall(tx, c.tenant(), c.collectionCaseId(), c.partnerId(), "recalled while it was handed over")
                            : Uni.createFrom().voidItem()), new CollectionCase.HandedOver(reference, clock.instant()));
            LOG.infof("case %s handed over to %s (%s)", c.collectionCaseId(), partner.partner().name(), reference);
        } catch (PartnerCall.Failed e) {
            if (e.notBefore().isPresent()) {
                pool.withTransaction(tx -> handOvers.postpone(tx, c.collectionCaseId(), e.notBefore().get())).await().atMost(DB);
                return;
            }
            if (e.permanent() || c.attempt() >= config.handOver().maxAttempts()) {
                String reason = e.getMessage() + (e.permanent() ? "" : " (after " + c.attempt() + " attempts)");
                record(c, tx -> handOvers.failed(tx, c.collectionCaseId(), reason), new CollectionCase.HandOverFailed(reason, clock.instant()));
                LOG.infof("case %s not handed over to %s: %s", c.collectionCaseId(), partner.partner().name(), reason);
            } else {
                pool.withTransaction(tx -> handOvers.attemptFailed(tx, c.collectionCaseId(), e.getMessage())).await().atMost(DB);
                LOG.infof("case %s, hand-over attempt %d: %s; tried again", c.collectionCaseId(), c.attempt(), e.getMessage());
            }
        }
    }

    /** The hand-over's end and the case's event, in one transaction (again when the case changed meanwhile). */
    private void record(HandOvers.Claimed c, Function<SqlConnection, Uni<Void>> end, CollectionCase.Command command) {
        pool.withTransaction(tx -> end.apply(tx).chain(() -> cases.execute(tx, c.tenant(), c.collectionCaseId(), command, null)))
                .onFailure(ConcurrencyConflictException.class).retry().atMost(5)
                .await().atMost(DB);
    }
}
