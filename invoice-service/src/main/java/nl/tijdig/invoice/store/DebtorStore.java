package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.tijdig.events.DebtorDetails;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorUpdated;
import nl.tijdig.events.PostalAddress;
import nl.tijdig.eventstore.RecordedEvent;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;

/**
 * Debtors as event streams (one per debtor): DebtorRegistered, then DebtorUpdated. The state is the
 * data of the last event; the version guards against concurrent changes.
 */
@ApplicationScoped
public class DebtorStore extends EventStreams {

    static final String STREAM_TYPE = "debtor";
    static final String REGISTERED = "nl.tijdig.invoice.DebtorRegistered.v1";
    static final String UPDATED = "nl.tijdig.invoice.DebtorUpdated.v1";

    /** A debtor and the version of its stream. */
    public record Versioned(Debtor debtor, long version) {
    }

    DebtorStore() {
        super(STREAM_TYPE);
    }

    public Uni<Optional<Versioned>> load(SqlClient client, TenantId tenant, DebtorId id) {
        return store.load(client, tenant, id.value()).map(events -> events.isEmpty() ? Optional.empty()
                : Optional.of(new Versioned(evolve(events), events.get(events.size() - 1).version())));
    }

    public Uni<Void> register(SqlConnection tx, TenantId tenant, Debtor debtor) {
        DebtorRegistered event = new DebtorRegistered(tenant, debtor.id(), details(debtor), clock.instant());
        return publish(tx, tenant, debtor.id().value(), 0, event);
    }

    public Uni<Void> update(SqlConnection tx, TenantId tenant, Debtor debtor, long expectedVersion) {
        DebtorUpdated event = new DebtorUpdated(tenant, debtor.id(), details(debtor), clock.instant());
        return publish(tx, tenant, debtor.id().value(), expectedVersion, event);
    }

    private static Debtor evolve(List<RecordedEvent> events) {
        Debtor debtor = null;
        for (RecordedEvent event : events) {
            debtor = switch (event.type()) {
                case REGISTERED -> {
                    DebtorRegistered registered = event.as(DebtorRegistered.class);
                    yield debtor(registered.debtorId(), registered.debtor());
                }
                case UPDATED -> {
                    DebtorUpdated updated = event.as(DebtorUpdated.class);
                    yield debtor(updated.debtorId(), updated.debtor());
                }
                default -> debtor; // events this version does not know change nothing
            };
        }
        return debtor;
    }

    static DebtorDetails details(Debtor d) {
        Address a = d.address();
        return new DebtorDetails(d.kind().name(), d.name(),
                new PostalAddress(a.street(), a.postalCode(), a.city(), a.countryCode()), d.kvkNumber(), d.vatId(),
                d.email(), d.language(), d.iban(), d.segment(),
                d.termDays().isPresent() ? d.termDays().getAsInt() : null);
    }

    static Debtor debtor(DebtorId id, DebtorDetails d) {
        PostalAddress a = d.address();
        return new Debtor(id, Debtor.Kind.valueOf(d.kind()), d.name(),
                new Address(a.street(), a.postalCode(), a.city(), a.countryCode()), d.kvkNumber(), d.vatId(), d.email(),
                d.language(), d.iban(), d.segment(), d.termDays() == null ? OptionalInt.empty() : OptionalInt.of(d.termDays()));
    }
}
