package nl.tijdig.dunning.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.domain.DunningPolicy;
import nl.tijdig.dunning.domain.Letter;
import nl.tijdig.dunning.domain.Prescription;
import nl.tijdig.dunning.domain.Publications;
import nl.tijdig.dunning.domain.VatRelief;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.DunningCaseClosed;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.NewEvent;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;

/**
 * The dunning cases, one per invoice: the decider's state as JSON with the columns the scheduler and
 * the API look up by, and each case's event stream (schema eventstore, type {@code dunning-case}) with
 * its decisions (internal events) and what it published (public events, through the outbox) in the same
 * transaction. Every change is decided on the row read {@code FOR UPDATE}; a command that decides nothing
 * writes nothing. The debtor's row carries the earliest day one of its cases may act.
 */
@ApplicationScoped
public class CaseStore {

    static final String STREAM_TYPE = "dunning-case";

    @Inject
    PolicyStore policies;

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** A case as the API shows it. */
    public record View(UUID caseId, String invoiceNumber, UUID debtorId, String segment, DunningCase.State state,
            LocalDate nextActionOn, LocalDate prescribesOn) {
    }

    /** A case row as the scheduler and the handlers work on it. */
    public record CaseRow(TenantId tenant, InvoiceId caseId, DebtorId debtorId, String invoiceNumber, Segment segment,
            DunningCase.State state, LocalDate issueDate, Money principal, String paymentReference, String payLink,
            long streamVersion, Money vat, LocalDate vatReliefOn, Money vatRelieved) {

        /** The invoice as a letter lists it. */
        public Letter.Invoice invoice() {
            return new Letter.Invoice(caseId, invoiceNumber, issueDate != null ? issueDate : state.dueDate(),
                    state.dueDate(), principal != null ? principal : state.principal(), state.open(), paymentReference, payLink,
                    state.movements(), state.announcedCosts().orElse(null), state.costsClaimableFrom().orElse(null));
        }
    }

    /** What a decision changes on one case: its new state, the decider's events, what is published. */
    public record Change(CaseRow row, DunningCase.State next, List<DunningCase.Event> decided, List<PublicEvent> published) {
    }

    /**
     * Opens the case of a newly issued invoice with the tenant's current policy for its segment (once):
     * its stream starts with the internal event {@code dunning-case.Opened} holding the opening state.
     */
    public Uni<Void> opened(SqlConnection tx, InvoiceIssued invoice) {
        return openedAll(tx, List.of(invoice));
    }

    private static final String INSERT_CASE = "INSERT INTO dunning_cases (tenant_id, case_id, debtor_id, invoice_number, "
            + "segment, status, currency, open, state, next_action_on, issue_date, principal, payment_reference, prescribes_on, "
            + "stream_version, due_date, vat) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11, $12, $13, $14, "
            + "1, $15, $16) ON CONFLICT (tenant_id, case_id) DO NOTHING RETURNING case_id";

    private static final String UPSERT_DEBTOR = "INSERT INTO dunning_debtors (tenant_id, debtor_id, next_action_on) "
            + "VALUES ($1, $2, $3) ON CONFLICT (tenant_id, debtor_id) DO UPDATE SET next_action_on = "
            + "least(dunning_debtors.next_action_on, EXCLUDED.next_action_on)";

    /** A tenant's policy for a segment, as a batch looks it up once. */
    private record PolicyKey(TenantId tenant, Segment segment) {
    }

    /**
     * Opens the cases of a batch of newly issued invoices, in order, in a few statements whatever their number: each
     * tenant's policy per segment read once, the cases inserted in one batch, their opening events appended with one
     * {@code appendAll} per tenant, and each debtor's next day moved once. An invoice whose case exists changes nothing.
     */
    public Uni<Void> openedAll(SqlConnection tx, List<InvoiceIssued> invoices) {
        if (invoices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<PolicyKey, DunningPolicy> current = new java.util.HashMap<>();
        java.util.Set<PolicyKey> keys = new java.util.LinkedHashSet<>();
        invoices.forEach(i -> keys.add(new PolicyKey(i.tenantId(), i.debtor().segment())));
        return io.smallrye.mutiny.Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(key -> policies.current(tx, key.tenant(), key.segment())
                        .invoke(policy -> current.put(key, policy)))
                .collect().last()
                .chain(() -> insertCases(tx, invoices, current));
    }

    private Uni<Void> insertCases(SqlConnection tx, List<InvoiceIssued> invoices, Map<PolicyKey, DunningPolicy> current) {
        List<Tuple> rows = new ArrayList<>(invoices.size());
        List<DunningCase.State> states = new ArrayList<>(invoices.size());
        List<LocalDate> nextDays = new ArrayList<>(invoices.size());
        for (InvoiceIssued invoice : invoices) {
            DunningCase.State state = DunningCase.State.opened(invoice.invoiceId(),
                    current.get(new PolicyKey(invoice.tenantId(), invoice.debtor().segment())), invoice.dueDate(),
                    invoice.totalInclVat());
            states.add(state);
            nextDays.add(DunningCase.nextActionOn(state).orElse(null));
            rows.add(Tuple.tuple(Arrays.asList(invoice.tenantId().value(), invoice.invoiceId().value(),
                    invoice.debtor().debtorId().value(), invoice.invoiceNumber(), invoice.debtor().segment().name(),
                    state.status().name(), state.open().currency().getCurrencyCode(), state.open().amount(),
                    Projections.text(state), nextDays.get(nextDays.size() - 1), invoice.issueDate(),
                    invoice.totalInclVat().amount(), invoice.paymentReference(),
                    Prescription.of(invoice.debtor().segment(), state).prescribesOn(), invoice.dueDate(),
                    invoice.vatTotal().amount())));
        }
        return tx.preparedQuery(INSERT_CASE).executeBatch(rows).flatMap(inserted -> {
            // one result per row, in order: a case that existed returns nothing and is left as it was
            Map<TenantId, List<EventStore.StreamAppend>> appends = new LinkedHashMap<>();
            Map<DebtorKey, LocalDate> earliest = new java.util.TreeMap<>(java.util.Comparator
                    .comparing((DebtorKey k) -> k.tenant().value()).thenComparing(k -> k.debtor().value()));
            RowSet<Row> result = inserted;
            for (int i = 0; i < invoices.size() && result != null; i++, result = result.next()) {
                if (result.size() == 0) {
                    continue;
                }
                InvoiceIssued invoice = invoices.get(i);
                DunningCase.State state = states.get(i);
                appends.computeIfAbsent(invoice.tenantId(), t -> new ArrayList<>()).add(new EventStore.StreamAppend(
                        new StreamRef(invoice.invoiceId().value(), STREAM_TYPE), 0,
                        List.of(NewEvent.internal(ids.next(), OPENED, EventJson.mapper().valueToTree(state), clock.instant()))));
                DebtorKey debtor = new DebtorKey(invoice.tenantId(), invoice.debtor().debtorId());
                LocalDate next = nextDays.get(i);
                if (next != null) {
                    earliest.merge(debtor, next, (a, b) -> a.isBefore(b) ? a : b);
                } else {
                    earliest.putIfAbsent(debtor, null);
                }
            }
            if (appends.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> debtors = new ArrayList<>();
            earliest.forEach((debtor, next) -> debtors.add(Tuple.of(debtor.tenant().value(), debtor.debtor().value(), next)));
            return io.smallrye.mutiny.Multi.createFrom().iterable(appends.entrySet())
                    .onItem().transformToUniAndConcatenate(entry -> store.appendAll(tx, entry.getKey(), entry.getValue()))
                    .collect().last()
                    .chain(() -> tx.preparedQuery(UPSERT_DEBTOR).executeBatch(debtors))
                    .replaceWithVoid();
        });
    }

    static final String OPENED = "dunning-case.Opened";

    /**
     * The columns a {@link CaseRow} or {@link View} reads, the state as JSON text: it goes straight to the
     * decider's record (a {@code jsonb} value would be parsed into a map first, then written and read again).
     */
    private static String columns(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return String.join(", ", java.util.stream.Stream.of("tenant_id", "case_id", "debtor_id", "invoice_number", "segment",
                "issue_date", "principal", "payment_reference", "pay_link", "stream_version", "vat", "vat_relief_on",
                "vat_relieved", "next_action_on", "prescribes_on").map(c -> a + c).toList()) + ", " + a + "state::text AS state";
    }

    /** {@link #columns} of {@code dunning_cases}, unqualified and as {@code c}: built once, not per query. */
    private static final String COLUMNS = columns("");
    private static final String COLUMNS_OF_C = columns("c");

    /**
     * The case's state rebuilt from its own stream alone: the opening state, then every decision folded in
     * with {@link DunningCase#evolve} (what it published is skipped). Empty for an unknown case.
     */
    public Uni<Optional<DunningCase.State>> rebuild(SqlClient client, TenantId tenant, InvoiceId caseId) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Class<?> type : DunningCase.Event.class.getPermittedSubclasses()) {
            types.put("dunning-case." + type.getSimpleName(), type);
        }
        return store.load(client, tenant, caseId.value()).map(events -> {
            DunningCase.State state = null;
            for (var event : events) {
                if (event.type().equals(OPENED)) {
                    state = event.as(DunningCase.State.class);
                } else if (types.containsKey(event.type()) && state != null) {
                    state = DunningCase.evolve(state, (DunningCase.Event) event.as(types.get(event.type())));
                }
            }
            return Optional.ofNullable(state);
        });
    }

    /**
     * Decides a command on the case, if the tenant has it; applies and stores what was decided. A case
     * that closes publishes DunningCaseClosed.
     */
    public Uni<List<DunningCase.Event>> handle(SqlConnection tx, TenantId tenant, InvoiceId caseId, DunningCase.Command command) {
        return handle(tx, tenant, caseId, command, (row, next) -> List.of());
    }

    /** As {@link #handle(SqlConnection, TenantId, InvoiceId, DunningCase.Command)}, publishing also what {@code more} makes of the outcome. */
    public Uni<List<DunningCase.Event>> handle(SqlConnection tx, TenantId tenant, InvoiceId caseId, DunningCase.Command command,
            java.util.function.BiFunction<CaseRow, DunningCase.State, List<PublicEvent>> more) {
        return lock(tx, tenant, caseId).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<DunningCase.Event>of()); // an invoice this service has not seen
            }
            CaseRow row = found.get();
            List<DunningCase.Event> events = DunningCase.decide(command, row.state());
            if (events.isEmpty()) {
                return Uni.createFrom().item(events);
            }
            DunningCase.State next = DunningCase.replay(row.state(), events);
            List<PublicEvent> derived = Publications.ofCase(tenant, new CaseId(caseId.value()), events,
                    row.vatReliefOn() == null ? null : new Publications.Relief(row.invoiceNumber(), row.state().open(), row.vat(),
                            row.principal() != null ? row.principal() : row.state().principal(), row.vatRelieved()),
                    BusinessTime.today(clock), clock.instant());
            List<PublicEvent> published = new ArrayList<>(derived.stream().filter(e -> e instanceof DunningCaseClosed).toList());
            published.addAll(more.apply(row, next));
            published.addAll(derived.stream().filter(e -> !(e instanceof DunningCaseClosed)).toList());
            Money reversedVat = Money.zero(row.vat().currency());
            for (PublicEvent event : published) {
                if (event instanceof nl.tijdig.events.VatReliefReversed reversed) {
                    reversedVat = reversedVat.plus(reversed.vat());
                }
            }
            Money lessRelieved = reversedVat;
            Change change = new Change(row, next, events, published);
            return save(tx, List.of(change))
                    .chain(() -> !lessRelieved.isPositive() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("UPDATE dunning_cases SET vat_relieved = vat_relieved - $3 WHERE tenant_id = $1 "
                                    + "AND case_id = $2").execute(Tuple.of(tenant.value(), caseId.value(),
                                            lessRelieved.amount())).replaceWithVoid())
                    .chain(() -> refreshDebtors(tx, List.of(new DebtorKey(tenant, row.debtorId())), null, List.of()))
                    .replaceWith(events);
        });
    }

    /** The case as it is now, not locked (for reading). */
    public Uni<Optional<CaseRow>> read(SqlClient client, TenantId tenant, InvoiceId caseId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM dunning_cases WHERE tenant_id = $1 AND case_id = $2")
                .execute(Tuple.of(tenant.value(), caseId.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    /** The case, locked for the transaction. */
    public Uni<Optional<CaseRow>> lock(SqlConnection tx, TenantId tenant, InvoiceId caseId) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM dunning_cases WHERE tenant_id = $1 AND case_id = $2 FOR UPDATE")
                .execute(Tuple.of(tenant.value(), caseId.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    /** The due cases (next day on or before {@code today}) of these debtors, locked. */
    public Uni<List<CaseRow>> lockDue(SqlConnection tx, UUID[] tenants, UUID[] debtors, LocalDate today) {
        return tx.preparedQuery("SELECT " + COLUMNS_OF_C + " FROM dunning_cases c JOIN unnest($1::uuid[], $2::uuid[]) AS d(t, dd) "
                        + "ON c.tenant_id = d.t AND c.debtor_id = d.dd WHERE c.next_action_on <= $3 "
                        + "ORDER BY c.tenant_id, c.debtor_id, c.case_id FOR UPDATE OF c")
                .execute(Tuple.of(tenants, debtors, today)).map(rows -> {
                    List<CaseRow> due = new ArrayList<>();
                    rows.forEach(r -> due.add(row(r)));
                    return due;
                });
    }

    /**
     * Writes what was decided: each case's row, and its stream (the decider's events as internal events,
     * the public ones through the outbox), one append per tenant whatever the number of cases.
     */
    public Uni<Void> save(SqlConnection tx, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = changes.size();
        UUID[] tenants = new UUID[n];
        UUID[] caseIds = new UUID[n];
        String[] statuses = new String[n];
        String[] opens = new String[n];
        String[] states = new String[n];
        String[] nextActions = new String[n];
        Long[] streamVersions = new Long[n];
        String[] prescribes = new String[n];
        Map<TenantId, List<EventStore.StreamAppend>> appends = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Change change = changes.get(i);
            List<NewEvent> events = new ArrayList<>();
            for (DunningCase.Event event : change.decided()) {
                JsonNode data = EventJson.mapper().valueToTree(event);
                events.add(NewEvent.internal(ids.next(), "dunning-case." + event.getClass().getSimpleName(), data,
                        clock.instant()));
            }
            for (PublicEvent event : change.published()) {
                events.add(NewEvent.published(ids.next(), event));
            }
            CaseRow row = change.row();
            appends.computeIfAbsent(row.tenant(), t -> new ArrayList<>()).add(new EventStore.StreamAppend(
                    new StreamRef(row.caseId().value(), STREAM_TYPE), row.streamVersion(), events));
            tenants[i] = row.tenant().value();
            caseIds[i] = row.caseId().value();
            statuses[i] = change.next().status().name();
            opens[i] = change.next().open().amount().toPlainString();
            states[i] = Projections.text(change.next());
            nextActions[i] = DunningCase.nextActionOn(change.next()).map(LocalDate::toString).orElse(null);
            streamVersions[i] = row.streamVersion() + events.size();
            LocalDate prescribesOn = Prescription.of(row.segment(), change.next()).prescribesOn();
            prescribes[i] = prescribesOn == null ? null : prescribesOn.toString();
        }
        Uni<Void> appended = Uni.createFrom().voidItem();
        for (Map.Entry<TenantId, List<EventStore.StreamAppend>> entry : appends.entrySet()) {
            appended = appended.chain(() -> store.appendAll(tx, entry.getKey(), entry.getValue()).replaceWithVoid());
        }
        // One statement for the batch: a statement per case cost PostgreSQL about a fifth more per row (0.083 against
        // 0.069 ms; docs/benchmarks.md, dunning daily run).
        return appended.chain(() -> tx.preparedQuery("UPDATE dunning_cases c SET status = u.status, open = u.open::numeric, "
                        + "state = u.state::jsonb, next_action_on = u.next_action_on::date, stream_version = u.stream_version, "
                        + "version = c.version + 1, prescribes_on = u.prescribes_on::date, "
                        + "prescription_warned_on = CASE WHEN c.prescribes_on IS DISTINCT FROM u.prescribes_on::date THEN NULL "
                        + "ELSE c.prescription_warned_on END "
                        + "FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], "
                        + "$8::text[]) AS u(tenant_id, case_id, status, open, state, next_action_on, stream_version, prescribes_on) "
                        + "WHERE c.tenant_id = u.tenant_id AND c.case_id = u.case_id")
                .execute(Tuple.tuple(Arrays.asList(tenants, caseIds, statuses, opens, states, nextActions, streamVersions,
                        prescribes)))).replaceWithVoid();
    }

    /** A debtor of a tenant. */
    public record DebtorKey(TenantId tenant, DebtorId debtor) {
    }

    /**
     * Sets each debtor's next day to its cases' earliest. After the scheduler looked at a debtor
     * ({@code today} given) that is tomorrow at the soonest: one pass per debtor per day; and a debtor
     * who got a letter ({@code lettered}) remembers the day.
     */
    public Uni<Void> refreshDebtors(SqlConnection tx, List<DebtorKey> debtors, LocalDate today, List<DebtorKey> lettered) {
        if (debtors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.util.Set<DebtorKey> letteredSet = new java.util.HashSet<>(lettered);
        UUID[] tenants = debtors.stream().map(d -> d.tenant().value()).toArray(UUID[]::new);
        UUID[] debtorIds = debtors.stream().map(d -> d.debtor().value()).toArray(UUID[]::new);
        Boolean[] letteredNow = debtors.stream().map(letteredSet::contains).toArray(Boolean[]::new);
        // One statement for all the debtors, in the order given (the order their rows are locked in).
        return tx.preparedQuery("UPDATE dunning_debtors d SET last_letter_on = CASE WHEN u.lettered THEN $3 "
                        + "ELSE d.last_letter_on END, "
                        + "next_action_on = (SELECT CASE WHEN min(c.next_action_on) IS NULL THEN NULL "
                        + "ELSE greatest(min(c.next_action_on), coalesce($4, min(c.next_action_on))) END "
                        + "FROM dunning_cases c WHERE c.tenant_id = d.tenant_id AND c.debtor_id = d.debtor_id) "
                        + "FROM unnest($1::uuid[], $2::uuid[], $5::boolean[]) AS u(tenant_id, debtor_id, lettered) "
                        + "WHERE d.tenant_id = u.tenant_id AND d.debtor_id = u.debtor_id")
                .execute(Tuple.tuple(Arrays.asList(tenants, debtorIds, today, today == null ? null : today.plusDays(1),
                        letteredNow)))
                .replaceWithVoid();
    }

    /**
     * Warns once for each open claim that prescribes within {@link Prescription#WARN_DAYS_BEFORE} days
     * (PrescriptionApproaching), in batches; returns how many.
     */
    public Uni<Integer> warnPrescriptions(SqlConnection tx, LocalDate today, int batchSize) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM dunning_cases WHERE prescribes_on <= $1 AND prescription_warned_on IS NULL "
                        + "AND status NOT IN ('CLOSED', 'ESCALATED') ORDER BY prescribes_on LIMIT $2 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(today.plusDays(Prescription.WARN_DAYS_BEFORE), batchSize)).flatMap(rows -> {
                    List<Change> changes = new ArrayList<>();
                    List<Tuple> warned = new ArrayList<>();
                    for (Row r : rows) {
                        CaseRow row = row(r);
                        Prescription.Term term = Prescription.of(row.segment(), row.state());
                        changes.add(new Change(row, row.state(), List.of(), List.of(new nl.tijdig.events.PrescriptionApproaching(
                                row.tenant(), new CaseId(row.caseId().value()), term.prescribesOn(),
                                term.consumer() ? nl.tijdig.events.PrescriptionApproaching.Basis.CONSUMER_TWO_YEARS
                                        : nl.tijdig.events.PrescriptionApproaching.Basis.GENERAL_FIVE_YEARS,
                                term.countedFrom(), row.state().open(), clock.instant()))));
                        warned.add(Tuple.of(row.tenant().value(), row.caseId().value(), today));
                    }
                    if (changes.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return save(tx, changes).chain(() -> tx.preparedQuery("UPDATE dunning_cases SET prescription_warned_on = $3 "
                            + "WHERE tenant_id = $1 AND case_id = $2").executeBatch(warned)).replaceWith(changes.size());
                });
    }

    /**
     * Publishes VatReliefEligible once for each claim still open one year after it fell due (the VAT part
     * of what is open), in batches; returns how many.
     */
    public Uni<Integer> vatRelief(SqlConnection tx, LocalDate today, int batchSize) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM dunning_cases WHERE due_date <= $1 AND vat_relief_on IS NULL "
                        + "AND status <> 'CLOSED' AND vat > 0 AND open > 0 ORDER BY due_date LIMIT $2 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(VatRelief.dueOnOrBefore(today), batchSize)).flatMap(rows -> {
                    List<Change> changes = new ArrayList<>();
                    List<Tuple> relieved = new ArrayList<>();
                    for (Row r : rows) {
                        CaseRow row = row(r);
                        LocalDate eligible = VatRelief.eligibleOn(row.state().dueDate());
                        Money vat = VatRelief.vatPart(row.state().open(), row.vat(),
                                row.principal() != null ? row.principal() : row.state().principal());
                        changes.add(new Change(row, row.state(), List.of(), List.of(new nl.tijdig.events.VatReliefEligible(
                                row.tenant(), new CaseId(row.caseId().value()), row.invoiceNumber(), row.state().dueDate(),
                                eligible, row.state().open(), vat, clock.instant()))));
                        relieved.add(Tuple.of(row.tenant().value(), row.caseId().value(), today, vat.amount()));
                    }
                    if (changes.isEmpty()) {
                        return Uni.createFrom().item(rows.size());
                    }
                    return save(tx, changes).chain(() -> tx.preparedQuery("UPDATE dunning_cases SET vat_relief_on = $3, "
                            + "vat_relieved = $4 WHERE tenant_id = $1 AND case_id = $2").executeBatch(relieved))
                            .replaceWith(rows.size());
                });
    }

    public Uni<Optional<View>> get(SqlClient client, TenantId tenant, UUID caseId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM dunning_cases WHERE tenant_id = $1 AND case_id = $2")
                .execute(Tuple.of(tenant.value(), caseId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    static CaseRow row(Row row) {
        DunningCase.State state = Projections.read(row.getString("state"), DunningCase.State.class);
        BigDecimal principal = row.getBigDecimal("principal");
        return new CaseRow(new TenantId(row.getUUID("tenant_id")), new InvoiceId(row.getUUID("case_id")),
                new DebtorId(row.getUUID("debtor_id")), row.getString("invoice_number"),
                Segment.valueOf(row.getString("segment")), state, row.getLocalDate("issue_date"),
                principal == null ? null : Money.of(principal, state.open().currency()), row.getString("payment_reference"),
                row.getString("pay_link"), row.getLong("stream_version"),
                Money.of(row.getBigDecimal("vat"), state.open().currency()), row.getLocalDate("vat_relief_on"),
                Money.of(row.getBigDecimal("vat_relieved"), state.open().currency()));
    }

    private static View view(Row row) {
        return new View(row.getUUID("case_id"), row.getString("invoice_number"), row.getUUID("debtor_id"),
                row.getString("segment"), Projections.read(row.getString("state"), DunningCase.State.class),
                row.getLocalDate("next_action_on"), row.getLocalDate("prescribes_on"));
    }
}
