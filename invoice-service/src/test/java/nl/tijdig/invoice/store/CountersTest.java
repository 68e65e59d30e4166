package nl.tijdig.invoice.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class CountersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    Counters counters;

    @Test
    void a_hundred_concurrent_issues_get_a_hundred_distinct_consecutive_numbers() throws Exception {
        // given a tenant's new series and 100 concurrent transactions that each take a number
        TenantId tenant = new TenantId(UUID.randomUUID());
        String series = Counters.invoiceSeries("2026");
        ExecutorService executor = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Long>> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                taken.add(CompletableFuture.supplyAsync(() -> pool.withTransaction(tx -> counters.next(tx, tenant, series))
                        .await().atMost(WAIT), executor));
            }

            // then the numbers are exactly 1 to 100
            List<Long> numbers = new ArrayList<>();
            for (CompletableFuture<Long> number : taken) {
                numbers.add(number.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void a_rolled_back_issue_gives_its_number_back_and_tenants_and_series_count_apart() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        TenantId other = new TenantId(UUID.randomUUID());
        String series = Counters.invoiceSeries("2026");
        assertThat(next(tenant, series)).isEqualTo(1);

        // when an issue takes number 2 and then fails
        try {
            pool.withTransaction(tx -> counters.next(tx, tenant, series)
                    .flatMap(n -> Uni.createFrom().failure(new IllegalStateException("failed after numbering"))))
                    .await().atMost(WAIT);
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }

        // then the next issue gets 2: no gap; other tenants and series start at 1
        assertThat(next(tenant, series)).isEqualTo(2);
        assertThat(next(other, series)).isEqualTo(1);
        assertThat(next(tenant, Counters.invoiceSeries("WEB"))).isEqualTo(1);
        assertThat(next(tenant, Counters.PAYMENT_REFERENCE)).isEqualTo(1);
    }

    private long next(TenantId tenant, String name) {
        return pool.withTransaction(tx -> counters.next(tx, tenant, name)).await().atMost(WAIT);
    }
}
