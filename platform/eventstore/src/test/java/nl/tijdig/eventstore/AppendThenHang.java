package nl.tijdig.eventstore;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * A stand-in service process for {@link OutboxRelayTest}: commits events (one stream each) and then
 * hangs without publishing, until it is killed. Arguments: database port, tenant, count.
 */
public final class AppendThenHang {

    public static final String COMMITTED = "COMMITTED";

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        TenantId tenant = TenantId.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost").setPort(port)
                .setDatabase(Infrastructure.DATABASE).setUser(Infrastructure.DATABASE).setPassword(Infrastructure.DATABASE))
                .using(Vertx.vertx()).build();
        EventStore store = new EventStore(Clock.systemUTC());
        List<InvoiceId> invoices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            invoices.add(new InvoiceId(UUID.randomUUID()));
        }
        pool.withTransaction(tx -> io.smallrye.mutiny.Multi.createFrom().iterable(invoices)
                        .onItem().transformToUniAndConcatenate(invoice -> store.append(tx, tenant,
                                new StreamRef(invoice.value(), "invoice"), 0,
                                List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)))))
                        .collect().last())
                .await().atMost(Duration.ofSeconds(60));
        System.out.println(COMMITTED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
