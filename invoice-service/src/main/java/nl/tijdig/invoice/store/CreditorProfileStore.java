package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalInt;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.PostalAddress;
import nl.tijdig.eventstore.RecordedEvent;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant's creditor profile as a stream of CreditorProfileUpdated (one stream per tenant, its id
 * the tenant id): the profile is the last one.
 */
@ApplicationScoped
public class CreditorProfileStore extends EventStreams {

    static final String STREAM_TYPE = "creditor-profile";
    static final String UPDATED = "nl.tijdig.invoice.CreditorProfileUpdated.v1";

    /** The profile and the version of its stream. */
    public record Versioned(CreditorProfile profile, long version) {
    }

    CreditorProfileStore() {
        super(STREAM_TYPE);
    }

    public Uni<Optional<Versioned>> load(SqlClient client, TenantId tenant) {
        return store.load(client, tenant, tenant.value()).map(events -> {
            CreditorProfile profile = null;
            for (RecordedEvent event : events) {
                if (UPDATED.equals(event.type())) {
                    profile = profile(event.as(CreditorProfileUpdated.class));
                }
            }
            return profile == null ? Optional.empty()
                    : Optional.of(new Versioned(profile, events.get(events.size() - 1).version()));
        });
    }

    public Uni<Void> save(SqlConnection tx, TenantId tenant, CreditorProfile profile, long expectedVersion) {
        return publish(tx, tenant, tenant.value(), expectedVersion, event(tenant, profile));
    }

    private CreditorProfileUpdated event(TenantId tenant, CreditorProfile p) {
        Address a = p.address();
        return new CreditorProfileUpdated(tenant, new CreditorSnapshot(p.name(), p.kvkNumber(), p.vatId(), p.iban(), p.bic(),
                p.senderEmail(), new PostalAddress(a.street(), a.postalCode(), a.city(), a.countryCode())), p.logoUrl(),
                p.footer(), boxed(p.b2bTermDays()), boxed(p.b2cTermDays()), p.invoiceSeries(),
                p.vatDeductible() ? null : Boolean.FALSE, clock.instant());
    }

    private static CreditorProfile profile(CreditorProfileUpdated e) {
        CreditorSnapshot c = e.creditor();
        PostalAddress a = c.address();
        return new CreditorProfile(c.name(), a == null ? null : new Address(a.street(), a.postalCode(), a.city(),
                a.countryCode()), c.kvkNumber(), c.vatId(), c.iban(), c.bic(), c.email(), unboxed(e.b2bTermDays()),
                unboxed(e.b2cTermDays()), e.logoUrl(), e.footer(), e.invoiceSeries(),
                e.vatDeductible() == null || e.vatDeductible());
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static OptionalInt unboxed(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
