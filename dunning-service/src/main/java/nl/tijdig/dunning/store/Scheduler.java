package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tijdig.dunning.config.DunningConfig;
import nl.tijdig.dunning.domain.Publications;
import nl.tijdig.dunning.domain.DebtorRun;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.domain.InterestRates;
import nl.tijdig.dunning.domain.Letter;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import org.jboss.logging.Logger;

/**
 * The dunning scheduler: takes the debtors with a case due today (Europe/Amsterdam, from the injected
 * clock) in batches, each batch one transaction that locks its debtors {@code FOR UPDATE SKIP LOCKED} —
 * so replicas share the work and no debtor is taken by two — and for each debtor runs the domain's
 * {@link DebtorRun}: its due cases ticked, one letter (ReminderDue) over the invoices at the most
 * advanced step, one phone task (PhoneCallDue), approval requests (AwaitingApproval) and hand-overs
 * (EscalatedToCollection), all written with the cases in the same transaction. A debtor whose contact or
 * creditor profile has not arrived yet waits for the next run. Then the letters no channel confirmed
 * ({@link LetterStore}), the claims about to prescribe (PrescriptionApproaching) and those unpaid a year
 * after their due date (VatReliefEligible).
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class);

    @Inject
    Pool pool;

    @Inject
    CaseStore cases;

    @Inject
    InterestRateStore rateStore;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    LetterStore letterStore;

    @Inject
    DunningConfig config;

    @Inject
    WeeklyOverviews overviews;

    /**
     * What one run did: the debtors it looked at, the letters, phone tasks, approval requests and hand-overs
     * it asked for, the debtors waiting for their contact or creditor data. {@code finishedAt} is empty while
     * it runs (and for ever after a crash).
     */
    public record Run(UUID runId, LocalDate day, Instant startedAt, Instant finishedAt, int debtors, int letters,
            int phoneCalls, int approvals, int escalations, int waiting) {

        Run plus(Run o) {
            return new Run(runId, day, startedAt, finishedAt, debtors + o.debtors, letters + o.letters,
                    phoneCalls + o.phoneCalls, approvals + o.approvals, escalations + o.escalations, waiting + o.waiting);
        }

        Run counts(int debtors, int letters, int phoneCalls, int approvals, int escalations, int waiting) {
            return new Run(runId, day, startedAt, null, debtors, letters, phoneCalls, approvals, escalations, waiting);
        }

        /** Looked at no debtor that could be dunned (only those waiting for data, if any): not recorded. */
        boolean empty() {
            return debtors == 0;
        }
    }

    /** How often a long run logs how far it got. */
    private static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofSeconds(10);

    /** Runs kept in {@code dunning_runs}. */
    static final int KEEP_RUNS_DAYS = 90;

    private record Cursor(LocalDate next, UUID tenant, UUID debtor) {
    }

    private record Batch(Run run, Cursor last) {
    }

    private record Debtor(TenantId tenant, DebtorId debtor, DebtorContact contact, LocalDate lastLetterOn) {
    }

    /**
     * One run over every debtor due today, in batches of {@code batchSize}; then the letters no channel
     * confirmed in their policy's time: sent once more, or flagged for staff.
     */
    public Uni<Run> runOnce(int batchSize) {
        LocalDate today = BusinessTime.today(clock);
        Run start = new Run(ids.next(), today, clock.instant(), null, 0, 0, 0, 0, 0, 0);
        Progress lastLog = new Progress();
        return rateStore.load(pool).flatMap(rates -> {
                    List<Uni<Run>> loops = new ArrayList<>();
                    for (int w = 0; w < config.scheduler().workers(); w++) {
                        loops.add(loop(today, rates, batchSize, new Cursor(LocalDate.MIN, new UUID(0, 0), new UUID(0, 0)),
                                start, lastLog));
                    }
                    return Uni.join().all(loops).andFailFast().map(runs -> runs.stream().reduce(start, Run::plus));
                })
                .call(() -> again(() -> letterStore.followUpAll(today, batchSize)))
                .call(() -> warnAll(today, batchSize))
                .call(() -> vatReliefAll(today, batchSize))
                .call(() -> overviewsAll(today, batchSize))
                .flatMap(run -> finish(run));
    }

    /** Marks a run that did something finished, and forgets runs older than {@link #KEEP_RUNS_DAYS}. */
    private Uni<Run> finish(Run run) {
        if (run.empty()) {
            return Uni.createFrom().item(new Run(run.runId(), run.day(), run.startedAt(), clock.instant(), 0, 0, 0, 0, 0, 0));
        }
        Instant finished = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE dunning_runs SET finished_at = $2 WHERE run_id = $1")
                        .execute(Tuple.of(run.runId(), finished.atOffset(ZoneOffset.UTC)))
                        .chain(() -> tx.preparedQuery("DELETE FROM dunning_runs WHERE started_at < $1")
                                .execute(Tuple.of(finished.minus(java.time.Duration.ofDays(KEEP_RUNS_DAYS))
                                        .atOffset(ZoneOffset.UTC)))))
                .replaceWith(new Run(run.runId(), run.day(), run.startedAt(), finished, run.debtors(), run.letters(),
                        run.phoneCalls(), run.approvals(), run.escalations(), run.waiting()));
    }

    /** The most recent runs that did something, newest first. */
    public Uni<List<Run>> recent(int limit) {
        return pool.preparedQuery("SELECT * FROM dunning_runs ORDER BY started_at DESC LIMIT $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<Run> runs = new ArrayList<>();
                    for (Row r : rows) {
                        runs.add(new Run(r.getUUID("run_id"), r.getLocalDate("day"),
                                r.getOffsetDateTime("started_at").toInstant(),
                                r.getOffsetDateTime("finished_at") == null ? null : r.getOffsetDateTime("finished_at").toInstant(),
                                r.getInteger("debtors"), r.getInteger("letters"), r.getInteger("phone_calls"),
                                r.getInteger("approvals"), r.getInteger("escalations"), r.getInteger("waiting")));
                    }
                    return runs;
                });
    }

    private Uni<Void> vatReliefAll(LocalDate today, int batchSize) {
        return again(() -> pool.withTransaction(tx -> cases.vatRelief(tx, today, batchSize)))
                .flatMap(count -> count < batchSize ? Uni.createFrom().voidItem() : vatReliefAll(today, batchSize));
    }

    private Uni<Void> overviewsAll(LocalDate today, int batchSize) {
        return again(() -> pool.withTransaction(tx -> overviews.publishDue(tx, today, batchSize)))
                .flatMap(count -> count < batchSize ? Uni.createFrom().voidItem() : overviewsAll(today, batchSize));
    }

    private Uni<Void> warnAll(LocalDate today, int batchSize) {
        return again(() -> pool.withTransaction(tx -> cases.warnPrescriptions(tx, today, batchSize)))
                .flatMap(count -> count < batchSize ? Uni.createFrom().voidItem() : warnAll(today, batchSize));
    }

    /**
     * Work that lost a race with another run — a case it appends to changed under it, or its transaction deadlocked
     * with another's (ConcurrencyConflictException; nothing of it was written) — is done again, on the new facts.
     * Runs on every replica and the operator's run may overlap; none of them fails for it.
     */
    private static <T> Uni<T> again(java.util.function.Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().deferred(work).onFailure(ConcurrencyConflictException.class).retry()
                .withBackOff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(400)).atMost(5);
    }

    /** How far the run's workers got together, for the progress log. */
    private static final class Progress {
        final java.util.concurrent.atomic.AtomicInteger debtors = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger letters = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong loggedAt = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

        void add(Run batch, LocalDate today) {
            int d = debtors.addAndGet(batch.debtors());
            int l = letters.addAndGet(batch.letters());
            long last = loggedAt.get();
            if (System.nanoTime() - last > PROGRESS_EVERY.toNanos() && loggedAt.compareAndSet(last, System.nanoTime())) {
                LOG.infof("dunning run %s under way: %d debtors, %d letters so far", today, d, l);
            }
        }
    }

    /**
     * One worker's share of the run: batch after batch from its cursor until no due debtor is left that
     * another worker (of this replica or another) has not locked. A debtor skipped because another held it
     * is that one's; a batch that rolled back leaves its debtors due for the next run.
     */
    private Uni<Run> loop(LocalDate today, InterestRates rates, int batchSize, Cursor after, Run sum, Progress lastLog) {
        return again(() -> pool.withTransaction(tx -> batch(tx, today, rates, batchSize, after, sum))).flatMap(batch -> {
            Run total = sum.plus(batch.run());
            lastLog.add(batch.run(), today);
            if (batch.last() == null) {
                return Uni.createFrom().item(total);
            }
            return loop(today, rates, batchSize, batch.last(), total, lastLog);
        });
    }

    /** Adds a batch's figures to its run's row, in the batch's transaction. */
    private Uni<Run> count(SqlConnection tx, Run run, Run batch) {
        if (batch.empty()) {
            return Uni.createFrom().item(batch);
        }
        return tx.preparedQuery("INSERT INTO dunning_runs (run_id, day, started_at, debtors, letters, phone_calls, approvals, "
                        + "escalations, waiting) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (run_id) DO UPDATE SET "
                        + "debtors = dunning_runs.debtors + EXCLUDED.debtors, letters = dunning_runs.letters + EXCLUDED.letters, "
                        + "phone_calls = dunning_runs.phone_calls + EXCLUDED.phone_calls, "
                        + "approvals = dunning_runs.approvals + EXCLUDED.approvals, "
                        + "escalations = dunning_runs.escalations + EXCLUDED.escalations, "
                        + "waiting = dunning_runs.waiting + EXCLUDED.waiting")
                .execute(Tuple.tuple(Arrays.asList(run.runId(), run.day(), run.startedAt().atOffset(ZoneOffset.UTC), batch.debtors(), batch.letters(),
                        batch.phoneCalls(), batch.approvals(), batch.escalations(), batch.waiting())))
                .replaceWith(batch);
    }

    private Uni<Batch> batch(SqlConnection tx, LocalDate today, InterestRates rates, int batchSize, Cursor after, Run run) {
        return tx.preparedQuery("SELECT tenant_id, debtor_id, next_action_on, contact::text AS contact, last_letter_on FROM dunning_debtors "
                        + "WHERE next_action_on <= $1 AND NOT paused AND (next_action_on, tenant_id, debtor_id) > ($2, $3, $4) "
                        + "ORDER BY next_action_on, tenant_id, debtor_id LIMIT $5 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.tuple(Arrays.asList(today, after.next(), after.tenant(), after.debtor(), batchSize)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(new Batch(run.counts(0, 0, 0, 0, 0, 0), null));
                    }
                    List<Debtor> debtors = new ArrayList<>();
                    Cursor last = null;
                    for (Row row : rows) {
                        String contact = row.getString("contact");
                        debtors.add(new Debtor(new TenantId(row.getUUID("tenant_id")), new DebtorId(row.getUUID("debtor_id")),
                                contact == null ? null : Projections.read(contact, DebtorContact.class),
                                row.getLocalDate("last_letter_on")));
                        last = new Cursor(row.getLocalDate("next_action_on"), row.getUUID("tenant_id"), row.getUUID("debtor_id"));
                    }
                    Cursor cursor = rows.size() < batchSize ? null : last;
                    return work(tx, today, rates, debtors, run).flatMap(done -> count(tx, run, done))
                            .map(done -> new Batch(done, cursor));
                });
    }

    private Uni<Run> work(SqlConnection tx, LocalDate today, InterestRates rates, List<Debtor> debtors, Run run) {
        UUID[] tenants = debtors.stream().map(d -> d.tenant().value()).toArray(UUID[]::new);
        UUID[] debtorIds = debtors.stream().map(d -> d.debtor().value()).toArray(UUID[]::new);
        UUID[] distinctTenants = debtors.stream().map(d -> d.tenant().value()).distinct().toArray(UUID[]::new);
        Map<TenantId, BigDecimal> costsVat = new HashMap<>();
        Uni<Map<TenantId, CreditorSnapshot>> creditors = tx.preparedQuery(
                        "SELECT tenant_id, creditor, vat_deductible FROM creditors WHERE tenant_id = ANY($1)")
                .execute(Tuple.of((Object) distinctTenants)).map(rows -> {
                    Map<TenantId, CreditorSnapshot> found = new HashMap<>();
                    rows.forEach(r -> {
                        TenantId tenant = new TenantId(r.getUUID("tenant_id"));
                        found.put(tenant, Projections.read(r.getJsonObject("creditor"), CreditorSnapshot.class));
                        costsVat.put(tenant, r.getBoolean("vat_deductible") ? BigDecimal.ZERO
                                : nl.tijdig.dunning.domain.WikCosts.STANDARD_VAT_PERCENT);
                    });
                    return found;
                });
        return creditors.flatMap(byTenant -> cases.lockDue(tx, tenants, debtorIds, today).flatMap(due -> {
            Map<CaseStore.DebtorKey, List<CaseStore.CaseRow>> byDebtor = new LinkedHashMap<>();
            due.forEach(row -> byDebtor.computeIfAbsent(new CaseStore.DebtorKey(row.tenant(), row.debtorId()),
                    k -> new ArrayList<>()).add(row));
            List<CaseStore.Change> changes = new ArrayList<>();
            LetterRows letters = new LetterRows();
            List<CaseStore.DebtorKey> looked = new ArrayList<>();
            List<CaseStore.DebtorKey> lettered = new ArrayList<>();
            Instant now = clock.instant();
            int[] counts = new int[5]; // letters, phone calls, approvals, escalations, waiting
            for (Debtor debtor : debtors) {
                CaseStore.DebtorKey key = new CaseStore.DebtorKey(debtor.tenant(), debtor.debtor());
                List<CaseStore.CaseRow> rows = byDebtor.getOrDefault(key, List.of());
                CreditorSnapshot creditor = byTenant.get(debtor.tenant());
                if (debtor.contact() == null || creditor == null) {
                    counts[4]++;
                    LOG.debugf("debtor %s of tenant %s waits for its %s", debtor.debtor().value(), debtor.tenant().value(),
                            debtor.contact() == null ? "contact (DebtorRegistered)" : "creditor profile");
                    continue;
                }
                looked.add(key);
                if (rows.isEmpty()) {
                    continue;
                }
                Map<InvoiceId, CaseStore.CaseRow> byCase = new LinkedHashMap<>();
                rows.forEach(r -> byCase.put(r.caseId(), r));
                DebtorRun.Outcome outcome = DebtorRun.run(today, today.equals(debtor.lastLetterOn()),
                        debtor.contact().segment(), rows.stream().map(r -> new DebtorRun.DueCase(r.invoice(), r.state())).toList(),
                        rates, costsVat.get(debtor.tenant()));
                Map<InvoiceId, List<PublicEvent>> published = new HashMap<>();
                outcome.letter().ifPresent(letter -> {
                    UUID reminderId = ids.next();
                    ReminderDue reminder = Publications.reminderDue(debtor.tenant(), reminderId, letter, debtor.contact(),
                            creditor, now);
                    published.computeIfAbsent(letter.invoices().get(0).invoiceId(), k -> new ArrayList<>()).add(reminder);
                    int timeout = byCase.get(outcome.letterCases().get(0)).state().policy().sentTimeoutDays();
                    letters.add(debtor.tenant().value(), reminderId, debtor.debtor().value(), letter.stepKey(),
                            letter.kind().name(), letter.channels().stream().map(Enum::name).collect(Collectors.joining(",")),
                            outcome.letterCases().stream().map(i -> i.value().toString()).collect(Collectors.joining(",")),
                            Projections.text(reminder), letter.fallback() == null ? null : letter.fallback().name(), timeout);
                    lettered.add(key);
                    counts[0]++;
                });
                if (!outcome.phoneCall().isEmpty()) {
                    published.computeIfAbsent(outcome.phoneCall().get(0).invoiceId(), k -> new ArrayList<>())
                            .add(Publications.phoneCallDue(debtor.tenant(), ids.next(), outcome.phoneCall(), debtor.contact(),
                                    today, now));
                    counts[1]++;
                }
                for (Map.Entry<InvoiceId, List<DunningCase.Event>> decided : outcome.decided().entrySet()) {
                    if (decided.getValue().isEmpty()) {
                        continue;
                    }
                    CaseStore.CaseRow row = byCase.get(decided.getKey());
                    DunningCase.State next = DunningCase.replay(row.state(), decided.getValue());
                    List<PublicEvent> events = new ArrayList<>(published.getOrDefault(decided.getKey(), List.of()));
                    for (DunningCase.Event event : decided.getValue()) {
                        if (event instanceof DunningCase.ApprovalRequested || event instanceof DunningCase.Escalated) {
                            Letter claim = Letter.claim(debtor.contact().segment(), List.of(row.invoice()), today, rates,
                                    costsVat.get(debtor.tenant()));
                            if (event instanceof DunningCase.ApprovalRequested) {
                                events.add(Publications.awaitingApproval(debtor.tenant(), claim, debtor.contact(), now));
                                counts[2]++;
                            } else {
                                events.add(Publications.escalated(debtor.tenant(), claim, debtor.contact(), creditor, next, now));
                                counts[3]++;
                            }
                        }
                    }
                    changes.add(new CaseStore.Change(row, next, decided.getValue(), events));
                }
            }
            Uni<Void> letterRows = letters.isEmpty() ? Uni.createFrom().voidItem()
                    : tx.preparedQuery("INSERT INTO letters (tenant_id, reminder_id, debtor_id, step_key, kind, channels, "
                            + "case_ids, letter_date, event, fallback, timeout_days, last_attempt_on) "
                            + "SELECT l.tenant_id, l.reminder_id, l.debtor_id, l.step_key, l.kind, string_to_array(l.channels, ','), "
                            + "string_to_array(l.case_ids, ',')::uuid[], $1, l.event::jsonb, l.fallback, l.timeout_days, $1 "
                            + "FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], "
                            + "$9::text[], $10::text[], $11::int[]) WITH ORDINALITY AS l(tenant_id, reminder_id, debtor_id, "
                            + "step_key, kind, channels, case_ids, event, fallback, timeout_days, ord) ORDER BY l.ord")
                            .execute(letters.columns(today)).replaceWithVoid();
            return cases.save(tx, changes).chain(() -> letterRows)
                    .chain(() -> cases.refreshDebtors(tx, looked, today, lettered))
                    .replaceWith(run.counts(looked.size(), counts[0], counts[1], counts[2], counts[3], counts[4]));
        }));
    }

    /** The letters of a batch, column by column, for one INSERT … SELECT FROM unnest. */
    private static final class LetterRows {
        final List<UUID> tenants = new ArrayList<>();
        final List<UUID> reminders = new ArrayList<>();
        final List<UUID> debtors = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();
        final List<String> channels = new ArrayList<>();
        final List<String> cases = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final List<String> fallbacks = new ArrayList<>();
        final List<Integer> timeouts = new ArrayList<>();

        void add(UUID tenant, UUID reminder, UUID debtor, String step, String kind, String channelList, String caseList,
                String event, String fallback, int timeout) {
            tenants.add(tenant);
            reminders.add(reminder);
            debtors.add(debtor);
            steps.add(step);
            kinds.add(kind);
            channels.add(channelList);
            cases.add(caseList);
            events.add(event);
            fallbacks.add(fallback);
            timeouts.add(timeout);
        }

        boolean isEmpty() {
            return tenants.isEmpty();
        }

        Tuple columns(LocalDate day) {
            return Tuple.tuple(Arrays.asList(day, tenants.toArray(UUID[]::new), reminders.toArray(UUID[]::new),
                    debtors.toArray(UUID[]::new), steps.toArray(String[]::new), kinds.toArray(String[]::new),
                    channels.toArray(String[]::new), cases.toArray(String[]::new), events.toArray(String[]::new),
                    fallbacks.toArray(String[]::new), timeouts.toArray(Integer[]::new)));
        }
    }
}
