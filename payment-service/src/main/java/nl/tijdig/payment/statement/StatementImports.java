package nl.tijdig.payment.statement;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.IncomingPayment;
import nl.tijdig.payment.domain.Match;
import nl.tijdig.payment.domain.PaymentMatcher;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.domain.StatementEntry;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.PaymentSettings;
import nl.tijdig.payment.store.Payments;
import nl.tijdig.payment.store.SepaFiles;
import nl.tijdig.payment.store.StatementImportStore;
import org.jboss.logging.Logger;

/**
 * Imports bank statements. The file is validated whole before anything is stored (a malformed file
 * is refused with every problem named); then its entries are read one by one and stored in batches of
 * {@value #BATCH}, one transaction each: an entry imported before (this or an overlapping statement)
 * is skipped, money in becomes a payment matched like any other (PaymentReceived or PaymentUnmatched),
 * a reversed or returned direct debit reverses the payment it took back (PaymentReversed), other
 * entries are counted and left alone. Progress is kept per import, so a client can follow a large
 * file. Re-importing a file after a failure picks up where it stopped: what was stored is skipped.
 */
@ApplicationScoped
public class StatementImports {

    static final int BATCH = 250;
    private static final Logger LOG = Logger.getLogger(StatementImports.class);
    private static final Duration DB = Duration.ofSeconds(60);

    /** A statement format. */
    public enum Format {
        CAMT053,
        MT940
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tijdig-statement-import");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    Pool pool;

    @Inject
    StatementImportStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    OpenItems openItems;

    @Inject
    Payments payments;

    @Inject
    PaymentSettings settings;

    @Inject
    SepaFiles sepaFiles;

    /** How the end-to-end ids of Tijdig's own direct-debit collections begin. */
    public static final String DIRECT_DEBIT_PREFIX = "TDD";

    /** The format of a file, or a refusal naming what it is not. */
    public static Format detect(Path file) {
        if (CamtReader.isCamt(file)) {
            return Format.CAMT053;
        }
        try {
            byte[] head = new byte[4096];
            int n;
            try (var in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            String start = new String(head, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (Mt940Reader.isMt940(start)) {
                return Format.MT940;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new StatementFormatException(List.of("the file is neither camt.053 (any version: .001.02 to .001.13) "
                + "nor MT940"));
    }

    /**
     * Reads the whole file without importing it (throws {@link StatementFormatException} naming each problem):
     * how many entries it has, its warnings and balance checks.
     */
    public static StatementCheck check(Path file, Format format) {
        return switch (format) {
            case CAMT053 -> CamtReader.check(file);
            case MT940 -> Mt940Reader.check(file);
        };
    }

    /**
     * Starts importing a validated file (which this takes over and deletes when done); returns its
     * status at once. The import runs on a worker of its own.
     */
    public Uni<StatementImportStore.Status> start(TenantId tenant, Path file, Format format, StatementCheck check) {
        UUID id = ids.next();
        return store.start(pool, tenant, id, format.name(), check.format(), check.entries(), check.warnings(),
                        check.balances(), clock.instant())
                .invoke(() -> worker.submit(() -> run(tenant, id, file, format)));
    }

    public Uni<Optional<StatementImportStore.Status>> status(SqlClient client, TenantId tenant, UUID id) {
        return store.status(client, tenant, id);
    }

    private void run(TenantId tenant, UUID id, Path file, Format format) {
        Counts counts = new Counts();
        List<StatementEntry> batch = new ArrayList<>(BATCH);
        try {
            java.util.function.Consumer<StatementEntry> sink = entry -> {
                batch.add(entry);
                if (batch.size() == BATCH) {
                    store(tenant, id, batch, counts);
                    batch.clear();
                }
            };
            switch (format) {
                case CAMT053 -> CamtReader.read(file, sink);
                case MT940 -> Mt940Reader.read(file, sink);
            }
            if (!batch.isEmpty()) {
                store(tenant, id, batch, counts);
            }
            finish(tenant, id, "DONE", null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s of tenant %s failed after %d entries", id, tenant, counts.processed);
            finish(tenant, id, "FAILED", "stopped after " + counts.processed + " entries: " + e.getMessage()
                    + "; import the file again to continue (entries stored are skipped)");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("cannot delete %s", file);
            }
        }
    }

    /** Counters of one import. */
    private static final class Counts {
        long processed;
        long payments;
        long matched;
        long unmatched;
        long reversals;
        long duplicates;
        long skipped;
    }

    /** One batch in one transaction: dedupe, then each new entry by its kind; then the progress. */
    private void store(TenantId tenant, UUID id, List<StatementEntry> entries, Counts counts) {
        Counts batch = new Counts();
        pool.withTransaction(tx -> settings.tolerance(tx, tenant).flatMap(tolerance -> claim(tx, tenant, id, entries)
                .flatMap(fresh -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (StatementEntry entry : entries) {
                        batch.processed++;
                        if (!fresh.contains(entry.key())) {
                            batch.duplicates++;
                            continue;
                        }
                        chain = chain.chain(() -> one(tx, tenant, entry, tolerance, batch));
                    }
                    return chain;
                })
                .chain(() -> progress(tx, tenant, id, batch)))).await().atMost(DB);
        counts.processed += batch.processed;
    }

    private Uni<Void> one(SqlConnection tx, TenantId tenant, StatementEntry entry, Money tolerance, Counts batch) {
        return switch (entry.kind()) {
            case INCOMING -> {
                PaymentId paymentId = new PaymentId(ids.next());
                Money inCurrency = tolerance.currency().equals(entry.amount().currency()) ? tolerance
                        : Money.zero(entry.amount().currency());
                batch.payments++;
                // one of our direct-debit collections, booked: it pays the invoice it collected
                Uni<Optional<InvoiceId>> collected = entry.endToEndId() != null
                        && entry.endToEndId().startsWith(DIRECT_DEBIT_PREFIX)
                        ? sepaFiles.collectedInvoice(tx, tenant, entry.endToEndId())
                        : Uni.createFrom().item(Optional.empty());
                yield collected.flatMap(invoice -> {
                    IncomingPayment payment = invoice.isEmpty() ? entry.asPayment() : entry.asPayment(invoice.get());
                    PaymentReceived.Source source = invoice.isEmpty() ? PaymentReceived.Source.BANK_STATEMENT
                            : PaymentReceived.Source.DIRECT_DEBIT;
                    return openItems.candidates(tx, tenant, payment).flatMap(candidates ->
                            switch (PaymentMatcher.match(payment, candidates, inCurrency)) {
                                case Match.Matched matched -> {
                                    batch.matched++;
                                    yield payments.received(tx, tenant, paymentId, payment, source, matched);
                                }
                                case Match.Unmatched unmatched -> {
                                    batch.unmatched++;
                                    yield payments.unmatched(tx, tenant, paymentId, payment, source, unmatched.reason());
                                }
                            });
                }).chain(stored -> link(tx, tenant, entry, stored.paymentId()));
            }
            case REVERSAL -> entry.endToEndId() == null ? skip(batch)
                    : payments.byEndToEndId(tx, tenant, entry.endToEndId()).flatMap(original -> {
                        if (original.isEmpty()) {
                            batch.skipped++;
                            return Uni.createFrom().voidItem();
                        }
                        batch.reversals++;
                        return payments.reverse(tx, tenant, original.get(),
                                entry.bookingDate() != null ? entry.bookingDate() : entry.valueDate(), entry.returnReason())
                                .chain(reversed -> link(tx, tenant, entry, reversed.paymentId()));
                    });
            case OTHER -> skip(batch);
        };
    }

    private static Uni<Void> skip(Counts batch) {
        batch.skipped++;
        return Uni.createFrom().voidItem();
    }

    /** Claims the entries not imported before; returns their keys. */
    private Uni<Set<String>> claim(SqlConnection tx, TenantId tenant, UUID id, List<StatementEntry> entries) {
        return store.claim(tx, tenant, id, entries.stream().map(StatementEntry::key).distinct().toArray(String[]::new));
    }

    private Uni<Void> link(SqlConnection tx, TenantId tenant, StatementEntry entry, UUID paymentId) {
        return store.link(tx, tenant, entry.key(), paymentId);
    }

    private Uni<Void> progress(SqlConnection tx, TenantId tenant, UUID id, Counts c) {
        return store.progress(tx, tenant, id, new StatementImportStore.Progress(c.processed, c.payments, c.matched,
                c.unmatched, c.reversals, c.duplicates, c.skipped));
    }

    private void finish(TenantId tenant, UUID id, String status, String error) {
        store.finish(pool, tenant, id, status, error, clock.instant()).await().atMost(DB);
    }

}
