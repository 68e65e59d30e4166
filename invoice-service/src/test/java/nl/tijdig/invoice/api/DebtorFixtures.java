package nl.tijdig.invoice.api;

import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.invoice.domain.DebtorDecider;
import nl.tijdig.invoice.domain.RegisterDebtor;
import nl.tijdig.invoice.store.DebtorStore;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;

/** Debtors put straight into the store, for tests that need another tenant's data. */
final class DebtorFixtures {

    private DebtorFixtures() {
    }

    static String registerForTenant(String tenant) {
        RegisterDebtor debtor = new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.CONSUMER, "J. de Vries",
                new Address("Dorpsstraat 4", "1234 AB", "Ons Dorp", "NL"), null, null, null, "nl", null, null,
                OptionalInt.empty(), false);
        Pool pool = Arc.container().instance(Pool.class).get();
        DebtorStore store = Arc.container().instance(DebtorStore.class).get();
        pool.withTransaction(tx -> store.handle(tx, TenantId.of(tenant), new DebtorDecider.Register(TenantId.of(tenant), debtor,
                Arc.container().instance(java.time.Clock.class).get().instant()))).await().atMost(Duration.ofSeconds(30));
        return debtor.id().toString();
    }
}
