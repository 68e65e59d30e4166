package nl.tijdig.collection.connectors;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import nl.tijdig.kernel.Decision;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.collection.domain.Factoring;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.collection.store.FactoringOffers;
import nl.tijdig.collection.store.Invoices;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.kernel.InvoiceId;
import org.jboss.logging.Logger;

/**
 * Sends offers to their factors: claims what is due, calls the factor's connector outside any transaction, and records
 * its decision — accepted (FactoringAccepted and InvoiceAssigned) or declined (FactoringRejected). A factor that does
 * not answer is tried again with the hand-over's back-off; a permanent failure or the last attempt ends the offer as
 * rejected with the reason, so the invoice may be offered again. A crash between the call and its record repeats the
 * call under the same idempotency key (the offer id).
 */
@ApplicationScoped
public class FactoringWorker {

    private static final Logger LOG = Logger.getLogger(FactoringWorker.class);
    private static final Duration DB = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    FactoringOffers offers;

    @Inject
    Invoices invoices;

    @Inject
    Partners partners;

    @Inject
    Secrets secrets;

    @Inject
    Instance<FactorConnector> connectors;

    @Inject
    CollectionConfig config;

    @Inject
    Clock clock;

    private Poller poller;

    void start(@Observes StartupEvent event) {
        if (config.handOver().enabled()) {
            poller = Poller.every("tijdig-factoring", config.handOver().poll(), this::drain);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
    }

    void drain() {
        Poller.drain(() -> pool.withTransaction(tx -> offers.claim(tx, config.handOver().batch(), Poller.lease(config.handOver())))
                .await().atMost(DB), this::send, offer -> "offer " + offer.offerId());
    }

    private void send(FactoringOffers.Due due) {
        Optional<Partners.Connection> factor = partners.connection(pool, due.partnerId()).await().atMost(DB);
        Optional<FactoringOffers.Entry> entry = offers.find(pool, due.tenant(), due.offerId()).await().atMost(DB);
        Optional<Invoices.Offerable> invoice = invoices.offerable(pool, due.tenant(), new InvoiceId(due.invoiceId())).await().atMost(DB);
        if (factor.isEmpty() || factor.get().partner().kind() != Partner.Kind.FACTOR || connectors.isUnsatisfied()
                || entry.isEmpty() || invoice.isEmpty()) {
            decline(due, factor.isEmpty() || factor.get().partner().kind() != Partner.Kind.FACTOR ? "the factor is gone"
                    : invoice.isEmpty() ? "the invoice was cancelled" : "no factoring connector");
            return;
        }
        Partners.Connection partner = factor.get();
        AgencyConnector.Connection connection = secrets.connection(partner);
        try {
            switch (connectors.get().offer(connection, due.offerId(), invoice.get(), entry.get().offered())) {
                case FactorConnector.Accepted accepted -> {
                    Decision<CollectionEvent> decision = record(due, new Factoring.Accept(due.offerId(), accepted.advance(), accepted.fee(),
                            accepted.reference(), accepted.assignedOn() != null ? accepted.assignedOn()
                                    : clock.instant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate(), clock.instant()));
                    if (decision instanceof Decision.Refused<CollectionEvent> refused) {
                        decline(due, "the factor's acceptance does not fit: " + refused.first().field() + " "
                                + refused.first().message());
                    } else {
                        LOG.infof("offer %s: accepted by %s", due.offerId(), partner.partner().name());
                    }
                }
                case FactorConnector.Rejected rejected -> decline(due, rejected.reason());
            }
        } catch (PartnerCall.Failed e) {
            if (e.notBefore().isPresent()) {
                offers.postpone(pool, due.offerId(), e.notBefore().get()).await().atMost(DB);
                return;
            }
            if (e.permanent() || due.attempt() >= config.handOver().maxAttempts()) {
                decline(due, "the factor did not take the offer: " + e.getMessage()
                        + (e.permanent() ? "" : " (after " + due.attempt() + " attempts)"));
            } else {
                offers.attemptFailed(pool, due.offerId(), e.getMessage()).await().atMost(DB);
                LOG.infof("offer %s, attempt %d: %s; tried again", due.offerId(), due.attempt(), e.getMessage());
            }
        }
    }

    private void decline(FactoringOffers.Due due, String reason) {
        record(due, new Factoring.Decline(due.offerId(), reason, clock.instant()));
        LOG.infof("offer %s: %s", due.offerId(), reason);
    }

    private Decision<CollectionEvent> record(FactoringOffers.Due due, Factoring.Command command) {
        return pool.withTransaction(tx -> offers.execute(tx, due.tenant(), new InvoiceId(due.invoiceId()), command))
                .onFailure(ConcurrencyConflictException.class).retry().atMost(5)
                .await().atMost(DB);
    }
}
