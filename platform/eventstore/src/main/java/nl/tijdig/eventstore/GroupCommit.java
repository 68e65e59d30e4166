package nl.tijdig.eventstore;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs units of work that contend for the same rows (one tenant's number counter) in shared transactions,
 * one lane per key: while a transaction of the lane runs, the work that arrives waits, and the next
 * transaction takes all of it (at most {@code maxGroup}). Work alone in its lane runs at once, in a
 * transaction of its own; under load, N requests cost one commit and one WAL flush instead of N, and the
 * row lock that serialised them is taken once per group.
 *
 * <p>Each unit still succeeds or fails on its own: in a group of more than one, each runs inside a savepoint,
 * and a unit that fails is rolled back to it (a number it took is given back, so a series stays gapless) and
 * gets its own failure, while the others commit. A unit's result is given only after the commit; when the
 * commit fails, every unit of the group gets that failure and nothing of the group is kept.
 *
 * <p>A group's transaction runs on a Vert.x context of its own, not on any caller's: work of one request never
 * runs inside another request's context (its CDI request scope, its tenant), so the work must take what it
 * needs as arguments. Each caller gets its result back on its own context.
 */
public final class GroupCommit {

    private static final String SAVEPOINT = "SAVEPOINT tijdig_group_unit";
    private static final String RELEASE = "RELEASE SAVEPOINT tijdig_group_unit";
    private static final String ROLLBACK = "ROLLBACK TO SAVEPOINT tijdig_group_unit";

    private final Vertx vertx;
    private final Pool pool;
    private final int maxGroup;
    private final ConcurrentHashMap<Object, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong units = new AtomicLong();

    public GroupCommit(Vertx vertx, Pool pool, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be 1 or more, not " + maxGroup);
        }
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.maxGroup = maxGroup;
    }

    /**
     * Runs {@code work} in a transaction of the lane {@code key}, possibly shared with other work of that lane,
     * and gives its result once the transaction committed.
     */
    public <T> Uni<T> run(Object key, Function<SqlConnection, Uni<T>> work) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(work, "work");
        return Uni.createFrom().emitter(emitter -> enqueue(key, new Unit<>(work, emitter, Vertx.currentContext())));
    }

    /** Transactions run so far. */
    public long transactions() {
        return transactions.get();
    }

    /** Units of work run so far (in {@link #transactions()} transactions). */
    public long units() {
        return units.get();
    }

    private void enqueue(Object key, Unit<?> unit) {
        boolean[] start = {false};
        Lane lane = lanes.compute(key, (k, existing) -> {
            Lane l = existing != null ? existing : new Lane(k);
            l.waiting.add(unit);
            if (!l.running) {
                l.running = true;
                start[0] = true;
            }
            return l;
        });
        if (start[0]) {
            next(lane);
        }
    }

    /** Takes what waits in the lane and runs it; an empty lane is let go. */
    private void next(Lane lane) {
        List<Unit<?>> group = new ArrayList<>();
        lanes.compute(lane.key, (k, existing) -> {
            while (group.size() < maxGroup && !lane.waiting.isEmpty()) {
                group.add(lane.waiting.poll());
            }
            if (group.isEmpty()) {
                lane.running = false;
                return null;
            }
            return lane;
        });
        if (group.isEmpty()) {
            return;
        }
        transactions.incrementAndGet();
        units.addAndGet(group.size());
        // a context of its own (no request's locals): the connection and every callback of the group run there
        Context own = ((ContextInternal) vertx.getOrCreateContext()).unwrap().duplicate();
        own.runOnContext(ignored -> {
            Uni<Void> transaction;
            try {
                transaction = pool.withTransaction(tx -> {
                    if (group.size() == 1) {
                        return group.get(0).alone(tx);
                    }
                    return io.smallrye.mutiny.Multi.createFrom().iterable(group)
                            .onItem().transformToUniAndConcatenate(unit -> unit.inSavepoint(tx).replaceWith(Boolean.TRUE))
                            .collect().last().replaceWithVoid();
                });
            } catch (RuntimeException e) {
                transaction = Uni.createFrom().failure(e);
            }
            transaction.subscribe().with(
                    done -> {
                        group.forEach(unit -> unit.settle(null));
                        next(lane);
                    },
                    failure -> {
                        group.forEach(unit -> unit.settle(failure));
                        next(lane);
                    });
        });
    }

    private static final class Lane {
        final Object key;
        final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
        boolean running;

        Lane(Object key) {
            this.key = key;
        }
    }

    private static final class Unit<T> {
        private final Function<SqlConnection, Uni<T>> work;
        private final UniEmitter<? super T> emitter;
        private final Context caller;
        private T value;
        private boolean ran;
        private Throwable failure;

        Unit(Function<SqlConnection, Uni<T>> work, UniEmitter<? super T> emitter, Context caller) {
            this.work = work;
            this.emitter = emitter;
            this.caller = caller;
        }

        /** The only unit of its transaction: its failure rolls the transaction back. */
        Uni<Void> alone(SqlConnection tx) {
            return Uni.createFrom().deferred(() -> work.apply(tx))
                    .onItem().invoke(v -> value = v)
                    .onFailure().invoke(f -> failure = f)
                    .replaceWithVoid();
        }

        /** One of several: its failure rolls back to its savepoint and the others go on. */
        Uni<Void> inSavepoint(SqlConnection tx) {
            return tx.query(SAVEPOINT).execute()
                    .chain(() -> Uni.createFrom().deferred(() -> work.apply(tx))
                            .onItem().transformToUni(v -> {
                                value = v;
                                ran = true;
                                return tx.query(RELEASE).execute().replaceWithVoid();
                            })
                            .onFailure().recoverWithUni(f -> {
                                if (ran) {
                                    return Uni.createFrom().failure(f); // the release failed: the transaction is lost
                                }
                                failure = f;
                                return tx.query(ROLLBACK).execute().replaceWithVoid();
                            }));
        }

        /**
         * Gives the unit its result once its transaction ended ({@code ended} = how it failed, or null), on the
         * caller's context.
         */
        void settle(Throwable ended) {
            if (caller != null) {
                caller.runOnContext(ignored -> emit(ended));
            } else {
                emit(ended);
            }
        }

        private void emit(Throwable ended) {
            if (failure != null) {
                emitter.fail(failure);
            } else if (ended != null) {
                emitter.fail(ended);
            } else {
                emitter.complete(value);
            }
        }
    }
}
