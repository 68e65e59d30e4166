package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.invoice.domain.InvoiceEvents;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant's creditor profile as a stream of CreditorProfileUpdated (one stream per tenant, its id
 * the tenant id): the profile is the last one.
 */
@ApplicationScoped
public class CreditorProfileStore extends EventStreams {

    static final String STREAM_TYPE = "creditor-profile";

    /** The profile and the version of its stream. */
    public record Versioned(CreditorProfile profile, long version) {
    }

    CreditorProfileStore() {
        super(STREAM_TYPE);
    }

    public Uni<Optional<Versioned>> load(SqlClient client, TenantId tenant) {
        return read(client, tenant, tenant.value()).map(stream -> {
            CreditorProfile profile = null;
            for (InvoiceEvent event : stream.events()) {
                profile = InvoiceEvents.evolve(profile, event);
            }
            return profile == null ? Optional.empty() : Optional.of(new Versioned(profile, stream.version()));
        });
    }

    public Uni<Void> save(SqlConnection tx, TenantId tenant, CreditorProfile profile, long expectedVersion) {
        return publish(tx, tenant, tenant.value(), expectedVersion, InvoiceEvents.profileUpdated(tenant, profile, clock.instant()));
    }
}
