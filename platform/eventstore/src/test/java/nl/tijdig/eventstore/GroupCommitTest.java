package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Pool pool;
    private final String table = "group_commit_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(4);
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
    }

    @Test
    void given_many_concurrent_units_of_one_lane_when_they_run_then_each_takes_the_next_number_and_they_share_transactions()
            throws Exception {
        // given a counter and a lane
        createCounter();
        GroupCommit groups = new GroupCommit(Infrastructure.vertx(), pool, 50);

        // when 200 units that each take the counter's next value arrive at once
        List<CompletableFuture<Long>> taken = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            taken.add(groups.run("tenant-a", this::next).subscribeAsCompletionStage());
        }

        // then every unit got its own number, 1 to 200 without a gap, and fewer transactions ran than units
        List<Long> numbers = new ArrayList<>();
        for (CompletableFuture<Long> one : taken) {
            numbers.add(one.get(30, TimeUnit.SECONDS));
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(counter()).isEqualTo(200);
        assertThat(groups.units()).isEqualTo(200);
        assertThat(groups.transactions()).isLessThan(200);
    }

    @Test
    void given_a_group_with_a_failing_unit_when_it_commits_then_the_others_keep_their_numbers_and_no_number_is_lost()
            throws Exception {
        // given a counter, and a first unit that holds the lane until the others wait behind it
        createCounter();
        GroupCommit groups = new GroupCommit(Infrastructure.vertx(), pool, 50);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> first = groups.run("tenant-b", tx -> next(tx)
                .call(n -> Uni.createFrom().completionStage(CompletableFuture.runAsync(() -> await(release)))))
                .subscribeAsCompletionStage();

        // when three units wait, the second of which takes a number and then fails, and the lane is let go
        CompletableFuture<Long> a = groups.run("tenant-b", this::next).subscribeAsCompletionStage();
        CompletableFuture<Long> failing = groups.run("tenant-b", tx -> next(tx)
                .chain(n -> Uni.createFrom().<Long>failure(new IllegalArgumentException("refused after taking " + n))))
                .subscribeAsCompletionStage();
        CompletableFuture<Long> b = groups.run("tenant-b", this::next).subscribeAsCompletionStage();
        release.countDown();

        // then the failing unit gets its own failure, the number it took went back, and the others are 2 and 3
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS))).containsExactly(2L, 3L);
        assertThat(failing).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().isInstanceOf(IllegalArgumentException.class).withMessageContaining("refused after taking");
        assertThat(counter()).isEqualTo(3);
        assertThat(groups.transactions()).as("the three waiting units shared one transaction").isEqualTo(2);
    }

    @Test
    void given_a_unit_alone_when_it_fails_then_what_it_did_is_rolled_back_and_the_lane_goes_on() throws Exception {
        // given a counter
        createCounter();
        GroupCommit groups = new GroupCommit(Infrastructure.vertx(), pool, 50);

        // when a unit alone takes a number and fails, and then another runs
        CompletableFuture<Long> failing = groups.run("tenant-c", tx -> next(tx)
                .chain(n -> Uni.createFrom().<Long>failure(new IllegalStateException("no")))).subscribeAsCompletionStage();
        assertThat(failing).failsWithin(Duration.ofSeconds(30));
        Long after = groups.run("tenant-c", this::next).await().atMost(WAIT);

        // then the first's number was given back
        assertThat(after).isEqualTo(1);
        assertThat(counter()).isEqualTo(1);
    }

    @Test
    void given_two_lanes_when_units_arrive_in_both_then_each_lane_numbers_its_own() {
        // given two counters, one per lane
        createCounter();
        pool.query("INSERT INTO " + table + " (name, last_value) VALUES ('b', 0)").execute().await().atMost(WAIT);
        GroupCommit groups = new GroupCommit(Infrastructure.vertx(), pool, 4);
        Map<String, List<Long>> got = new ConcurrentHashMap<>();

        // when units of both lanes arrive interleaved
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String lane = i % 2 == 0 ? "a" : "b";
            all.add(groups.run(lane, tx -> next(tx, lane)).invoke(n -> got.computeIfAbsent(lane, l -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(n))
                    .replaceWithVoid().subscribeAsCompletionStage());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

        // then each counter went 1 to 20
        assertThat(got.get("a")).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(got.get("b")).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void given_a_caller_on_a_request_context_when_its_work_runs_then_it_runs_outside_that_context_and_the_result_comes_back_to_it()
            throws Exception {
        // given a caller on a context that holds a request's data (as a web request's context does)
        createCounter();
        GroupCommit groups = new GroupCommit(Infrastructure.vertx(), pool, 10);
        io.vertx.core.impl.ContextInternal request = ((io.vertx.core.impl.ContextInternal) Infrastructure.vertx().getOrCreateContext())
                .unwrap().duplicate();
        request.putLocal("tenant", "a");
        CompletableFuture<Object> seenByWork = new CompletableFuture<>();
        CompletableFuture<Object> seenByCaller = new CompletableFuture<>();

        // when it runs work through the group commit
        request.runOnContext(ignored -> groups.run("tenant-d", tx -> {
            seenByWork.complete(String.valueOf(io.vertx.core.Vertx.currentContext().<Object>getLocal("tenant")));
            return next(tx);
        }).subscribe().with(n -> seenByCaller.complete(io.vertx.core.Vertx.currentContext().getLocal("tenant")),
                seenByCaller::completeExceptionally));

        // then the work did not see the request's data, and the caller got its result on its own context
        assertThat(seenByWork.get(30, TimeUnit.SECONDS)).isEqualTo("null");
        assertThat(seenByCaller.get(30, TimeUnit.SECONDS)).isEqualTo("a");
    }

    private void createCounter() {
        pool.query("CREATE TABLE " + table + " (name text PRIMARY KEY, last_value bigint NOT NULL)").execute().await().atMost(WAIT);
        pool.query("INSERT INTO " + table + " (name, last_value) VALUES ('a', 0)").execute().await().atMost(WAIT);
    }

    private Uni<Long> next(SqlConnection tx) {
        return next(tx, "a");
    }

    private Uni<Long> next(SqlConnection tx, String name) {
        return tx.preparedQuery("UPDATE " + table + " SET last_value = last_value + 1 WHERE name = $1 RETURNING last_value")
                .execute(Tuple.of(name)).map(rows -> rows.iterator().next().getLong(0));
    }

    private long counter() {
        return pool.query("SELECT last_value FROM " + table + " WHERE name = 'a'").execute().await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
