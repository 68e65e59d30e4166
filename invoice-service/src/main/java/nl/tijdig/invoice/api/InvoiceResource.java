package nl.tijdig.invoice.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.invoice.domain.CreditNoteDecider;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.invoice.domain.InvoiceLine;
import nl.tijdig.invoice.domain.InvoiceNumbers;
import nl.tijdig.invoice.domain.InvoiceState;
import nl.tijdig.invoice.domain.IssueInvoice;
import nl.tijdig.invoice.domain.IssueInvoiceDecider;
import nl.tijdig.invoice.domain.IssuedInvoice;
import nl.tijdig.invoice.domain.VatRate;
import nl.tijdig.invoice.store.Counters;
import nl.tijdig.invoice.store.CreditorProfileStore;
import nl.tijdig.invoice.store.DebtorStore;
import nl.tijdig.invoice.store.InvoiceIndex;
import nl.tijdig.invoice.store.InvoicePayments;
import nl.tijdig.invoice.store.InvoiceStore;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.idempotency.Idempotency;
import nl.tijdig.runtime.json.Decimal;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * Invoices of the caller's tenant: issue one (validated by the Dutch invoice requirements, numbered
 * gaplessly, with a betalingskenmerk, published as InvoiceIssued) and read it.
 */
@Path("/invoices")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** One line: quantity and unit price excluding VAT as decimals; VAT as STANDARD, REDUCED, ZERO, ... */
    public record LineRequest(String description, @Decimal(scale = 4, min = "-1000000000", max = "1000000000") BigDecimal quantity, @Decimal(scale = 4, min = "-1000000000", max = "1000000000") BigDecimal unitPrice, VatRate vat) {
    }

    public record DiscountRequest(@Decimal(scale = 2, min = "0", max = "100") BigDecimal percent, int withinDays) {
    }

    /**
     * An invoice to issue. {@code currency} defaults to EUR, {@code issueDate} to today (Amsterdam),
     * {@code series} to the profile's series or the year of issue. Give {@code termDays} or
     * {@code dueDate}, or neither.
     */
    public record IssueRequest(UUID debtorId, @Text(max = Limits.CODE) String currency, LocalDate issueDate, LocalDate deliveryDate,
            Integer termDays, LocalDate dueDate, boolean longTermAgreed, List<LineRequest> lines,
            DiscountRequest discount, @Text(max = Limits.CODE) String purchaseOrder, @Text(max = Limits.CODE) String series) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    CreditorProfileStore profiles;

    @Inject
    DebtorStore debtors;

    @Inject
    InvoiceStore invoices;

    @Inject
    Counters counters;

    @Inject
    Idempotency idempotency;

    @Inject
    InvoicePayments payments;

    @Inject
    InvoiceIndex index;

    @Inject
    nl.tijdig.eventstore.GroupCommit groups;

    /**
     * Issues an invoice. With an {@code Idempotency-Key}, a repeat of the same request returns the first
     * response (the same invoice) and issues nothing; the key with another request is a 422.
     */
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @POST
    public Uni<Response> issue(@HeaderParam(Idempotency.HEADER) String idempotencyKey, IssueRequest request) {
        TenantId owner = tenant.get();
        IssueInvoice command = command(request);
        // the tenant's concurrent requests share a transaction: its number counter is locked once per group, not per invoice
        // the work takes all it needs as arguments: it may run in a transaction shared with other requests
        return groups.run(owner, tx -> idempotency.reply(tx, owner, "POST /invoices", idempotencyKey, request,
                () -> profiles.load(tx, owner).flatMap(profile -> debtors.load(tx, owner, command.debtorId())
                        .flatMap(debtor -> issue(tx, owner, command, request.series(),
                                profile.map(CreditorProfileStore.Versioned::profile).orElse(null),
                                debtor.map(DebtorStore.Versioned::debtor).orElse(null))))
                        .map(issued -> new Idempotency.Outcome(201, "/invoices/" + issued.invoiceId(), issued))))
                .map(idempotency::response);
    }

    /** Invoices to issue together: 1 to {@value #MAX_BATCH}. */
    public record BatchRequest(List<IssueRequest> invoices) {
    }

    /** The invoices a batch issued, in the order asked. */
    public record BatchIssued(List<InvoiceIssued> invoices) {
    }

    /** The most invoices one batch issues. */
    public static final int MAX_BATCH = 500;

    /**
     * Issues up to {@value #MAX_BATCH} invoices at once, all or nothing: every invoice is checked first, and one that
     * breaks a rule makes the whole batch a 422 naming each field as {@code invoices[i].field}. The invoices of one
     * series are numbered consecutively in the order given, in one step, and appended in one go. With an
     * {@code Idempotency-Key}, a repeat returns the first response and issues nothing.
     */
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @POST
    @Path("/batch")
    public Uni<Response> issueBatch(@HeaderParam(Idempotency.HEADER) String idempotencyKey, BatchRequest request) {
        TenantId owner = tenant.get();
        if (request == null) {
            throw Rejections.missingBody();
        }
        List<IssueRequest> asked = request.invoices() == null ? List.of() : request.invoices();
        if (asked.isEmpty() || asked.size() > MAX_BATCH) {
            throw rejected(List.of(new Violation("invoices", "must hold 1 to " + MAX_BATCH + " invoices, not " + asked.size())));
        }
        // every invoice is checked before any is refused: the 422 names all that is wrong in the batch
        List<Violation> unreadable = new ArrayList<>();
        List<IssueInvoice> commands = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            try {
                commands.add(command(asked.get(i)));
            } catch (RejectedProblem e) {
                commands.add(null);
                String at = "invoices[" + i + "]";
                e.errors().forEach(error -> unreadable.add(new Violation(at + (error.field().equals("body") ? "" : "." + error.field()),
                        error.message())));
            }
        }
        return pool.withTransaction(tx -> idempotency.once(tx, owner, "POST /invoices/batch", idempotencyKey, request,
                () -> profiles.load(tx, owner).flatMap(profile -> debtors.loadAll(tx, owner,
                                commands.stream().filter(java.util.Objects::nonNull).map(IssueInvoice::debtorId).toList())
                        .flatMap(known -> issueAll(tx, owner, commands, unreadable, asked,
                                profile.map(CreditorProfileStore.Versioned::profile).orElse(null), known)))
                        .map(issued -> new Idempotency.Outcome(201, null, new BatchIssued(issued)))));
    }

    /**
     * The invoice as issued, with its status, what credit notes took off, the principal left after them,
     * what has been paid and what is still open.
     */
    public record InvoiceView(@JsonUnwrapped InvoiceIssued invoice, String status, Money credited, Money principalLeft,
            Money paid, Money openPrincipal) {

        static InvoiceView of(InvoiceStore.Loaded loaded, Money paid) {
            InvoiceState state = loaded.state();
            return new InvoiceView(loaded.issued(), state.status(paid), state.credited(), state.principalLeft(), paid,
                    state.openPrincipal(paid));
        }
    }

    /** A credit note: lines for a partial credit, none to credit what is left in full. */
    public record CreditNoteRequest(List<LineRequest> lines, @Text(max = Limits.NOTE, lines = true) String reason, LocalDate creditDate) {
    }

    public record CancellationRequest(@Text(max = Limits.NOTE, lines = true) String reason) {
    }

    /** A page of the list, and the cursor of the next page (null on the last page). */
    public record InvoicePage(List<InvoiceIndex.Entry> invoices, UUID next) {
    }

    public static final int MAX_PAGE = 200;

    /**
     * The tenant's invoices, newest first, filtered by debtor, status and due date range; {@code limit}
     * 1 to 200 (default 50); pass {@code after} = the {@code next} of the previous page.
     */
    @GET
    public Uni<InvoicePage> list(@QueryParam("debtorId") UUID debtorId, @QueryParam("status") String status,
            @QueryParam("dueFrom") LocalDate dueFrom, @QueryParam("dueTo") LocalDate dueTo,
            @QueryParam("after") UUID after, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        if (status != null && !InvoiceIndex.STATUSES.contains(status)) {
            throw rejected(List.of(new Violation("status", "must be one of " + InvoiceIndex.STATUSES)));
        }
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            throw rejected(List.of(new Violation("dueTo", "must not be before dueFrom")));
        }
        return index.list(pool, tenant.get(), new InvoiceIndex.Query(debtorId, status, dueFrom, dueTo, after, limit + 1))
                .map(entries -> entries.size() > limit
                        ? new InvoicePage(entries.subList(0, limit), entries.get(limit - 1).invoiceId())
                        : new InvoicePage(entries, null));
    }

    @GET
    @Path("/{id}")
    public Uni<InvoiceView> get(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return invoices.load(pool, owner, new InvoiceId(id)).flatMap(found -> {
            InvoiceStore.Loaded invoice = found.orElseThrow(() -> new NotFoundProblem("invoice", id));
            return payments.paid(pool, owner, invoice.issued().invoiceId(), invoice.issued().totalInclVat().currency())
                    .map(paid -> InvoiceView.of(invoice, paid));
        });
    }

    /** Credits the invoice in full or in part, with a credit note of its own number (series CN + year). */
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @POST
    @Path("/{id}/credit-notes")
    public Uni<Response> credit(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            CreditNoteRequest request) {
        TenantId owner = tenant.get();
        CreditNoteRequest credit = request == null ? new CreditNoteRequest(null, null, null) : request;
        LocalDate creditDate = credit.creditDate() != null ? credit.creditDate() : BusinessTime.today(clock);
        return pool.withTransaction(tx -> idempotency.once(tx, owner, "POST /invoices/" + id + "/credit-notes",
                idempotencyKey, credit, () -> invoices.load(tx, owner, new InvoiceId(id)).flatMap(found -> {
                    InvoiceStore.Loaded invoice = found.orElseThrow(() -> new NotFoundProblem("invoice", id));
                    Currency currency = invoice.issued().totalInclVat().currency();
                    List<InvoiceLine> lines = lines(credit.lines(), currency);
                    List<Violation> violations = CreditNoteDecider.validate(invoice.state(), lines, currency);
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(rejected(violations));
                    }
                    CreditNoteDecider.Credit amounts = CreditNoteDecider.credit(invoice.state(), lines, currency);
                    String series = "CN" + creditDate.getYear();
                    return counters.next(tx, owner, Counters.invoiceSeries(series))
                            .flatMap(n -> invoices.credit(tx, owner, invoice, new InvoiceId(ids.next()),
                                    InvoiceNumbers.format(series, n), amounts, creditDate, credit.reason()))
                            .map(event -> new Idempotency.Outcome(201, "/invoices/" + id, event));
                })));
    }

    /** Cancels an invoice nothing was credited on; from then on nothing of it is owed. */
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @POST
    @Path("/{id}/cancellation")
    public Uni<InvoiceView> cancel(@PathParam("id") UUID id, CancellationRequest request) {
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> invoices.load(tx, owner, new InvoiceId(id)).flatMap(found -> {
            InvoiceStore.Loaded invoice = found.orElseThrow(() -> new NotFoundProblem("invoice", id));
            return payments.paid(tx, owner, invoice.issued().invoiceId(), invoice.issued().totalInclVat().currency())
                    .flatMap(paid -> {
                        List<Violation> violations = CreditNoteDecider.validateCancellation(invoice.state(), paid);
                        if (!violations.isEmpty()) {
                            return Uni.createFrom().failure(rejected(violations));
                        }
                        return invoices.cancel(tx, owner, invoice, request == null ? null : request.reason(),
                                BusinessTime.today(clock)).replaceWith(InvoiceView.of(new InvoiceStore.Loaded(
                                        invoice.issued(), invoice.state().cancel(), invoice.version() + 1), paid));
                    });
        }));
    }

    private Uni<InvoiceIssued> issue(SqlConnection tx, TenantId owner, IssueInvoice command, String requestedSeries,
            CreditorProfile profile, Debtor debtor) {
        List<Violation> violations = new ArrayList<>(IssueInvoiceDecider.validate(command, profile, debtor));
        String series = series(requestedSeries, profile, command);
        if (series != null && !InvoiceNumbers.isValidSeries(series)) {
            violations.add(new Violation("series", "must be 1 to 20 letters and digits"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(rejected(violations));
        }
        // only now, for an invoice that will be issued, take its number: the series stays gapless
        return counters.next(tx, owner, Counters.invoiceSeries(series))
                .flatMap(number -> counters.next(tx, owner, Counters.PAYMENT_REFERENCE)
                        .map(reference -> IssueInvoiceDecider.issue(command, profile, debtor,
                                InvoiceNumbers.format(series, number), Betalingskenmerk.of(reference))))
                .flatMap(issued -> invoices.issue(tx, owner, issued));
    }

    /** Checks every invoice of the batch, then numbers each series in one step and issues them in one append. */
    private Uni<List<InvoiceIssued>> issueAll(SqlConnection tx, TenantId owner, List<IssueInvoice> commands,
            List<Violation> unreadable, List<IssueRequest> asked, CreditorProfile profile, java.util.Map<DebtorId, Debtor> known) {
        List<Violation> violations = new ArrayList<>(unreadable);
        List<String> series = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            IssueInvoice command = commands.get(i);
            if (command == null) {
                series.add(null);
                continue; // refused already for what it lacks
            }
            String at = "invoices[" + i + "].";
            IssueInvoiceDecider.validate(command, profile, known.get(command.debtorId()))
                    .forEach(v -> violations.add(new Violation(at + v.field(), v.message())));
            String one = series(asked.get(i).series(), profile, command);
            if (one != null && !InvoiceNumbers.isValidSeries(one)) {
                violations.add(new Violation(at + "series", "must be 1 to 20 letters and digits"));
            }
            series.add(one);
        }
        if (!violations.isEmpty()) {
            violations.sort(java.util.Comparator.comparing(v -> batchIndex(v.field())));
            return Uni.createFrom().failure(rejected(violations));
        }
        // only now, for a batch that will be issued, take the numbers: each series stays gapless
        java.util.Map<String, Integer> perSeries = new java.util.LinkedHashMap<>();
        series.forEach(one -> perSeries.merge(one, 1, Integer::sum));
        java.util.Map<String, Long> first = new java.util.HashMap<>();
        Uni<Void> numbered = Uni.createFrom().voidItem();
        for (var entry : perSeries.entrySet()) {
            numbered = numbered.chain(() -> counters.take(tx, owner, Counters.invoiceSeries(entry.getKey()), entry.getValue())
                    .invoke(n -> first.put(entry.getKey(), n)).replaceWithVoid());
        }
        return numbered.chain(() -> counters.take(tx, owner, Counters.PAYMENT_REFERENCE, commands.size())).flatMap(reference -> {
            java.util.Map<String, Long> next = new java.util.HashMap<>(first);
            List<IssuedInvoice> batch = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                IssueInvoice command = commands.get(i);
                long number = next.merge(series.get(i), 1L, Long::sum) - 1;
                batch.add(IssueInvoiceDecider.issue(command, profile, known.get(command.debtorId()),
                        InvoiceNumbers.format(series.get(i), number), Betalingskenmerk.of(reference + i)));
            }
            return invoices.issueAll(tx, owner, batch);
        });
    }

    /** The place in the batch a violation's field names ({@code invoices[12].lines[0].vat}: 12). */
    private static int batchIndex(String field) {
        return Integer.parseInt(field.substring("invoices[".length(), field.indexOf(']')));
    }

    /** The series an invoice is numbered in: the one asked, else the creditor's, else the issue date's year. */
    private static String series(String requested, CreditorProfile profile, IssueInvoice command) {
        return requested != null ? requested
                : profile != null && profile.invoiceSeries() != null ? profile.invoiceSeries()
                : command.issueDate() == null ? null : Integer.toString(command.issueDate().getYear());
    }

    private IssueInvoice command(IssueRequest request) {
        if (request == null) {
            throw Rejections.missingBody();
        }
        List<Violation> violations = new ArrayList<>();
        if (request.debtorId() == null) {
            violations.add(new Violation("debtorId", "is required"));
        }
        Currency currency = Money.EUR;
        if (request.currency() != null) {
            try {
                currency = Money.currency(request.currency());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("currency", "is not an ISO 4217 currency code"));
            }
        }
        List<InvoiceLine> lines = List.of();
        try {
            lines = lines(request.lines(), currency);
        } catch (RejectedProblem e) {
            e.errors().forEach(error -> violations.add(new Violation(error.field(), error.message())));
        }
        if (!violations.isEmpty()) {
            throw rejected(violations);
        }
        return new IssueInvoice(new InvoiceId(ids.next()), new DebtorId(request.debtorId()), currency, lines,
                request.issueDate() != null ? request.issueDate() : BusinessTime.today(clock), request.deliveryDate(),
                request.termDays() == null ? OptionalInt.empty() : OptionalInt.of(request.termDays()), request.dueDate(),
                request.longTermAgreed(),
                request.discount() == null ? null
                        : new IssueInvoice.EarlyPaymentDiscount(request.discount().percent(), request.discount().withinDays()),
                request.purchaseOrder());
    }

    /** Request lines as domain lines; a line without quantity, unit price or VAT is a 422 naming it. */
    private static List<InvoiceLine> lines(List<LineRequest> requested, Currency currency) {
        List<Violation> violations = new ArrayList<>();
        List<InvoiceLine> lines = new ArrayList<>();
        List<LineRequest> given = requested == null ? List.of() : requested;
        for (int i = 0; i < given.size(); i++) {
            LineRequest line = given.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                violations.add(new Violation(at, "is required"));
                continue;
            }
            if (line.quantity() == null) {
                violations.add(new Violation(at + ".quantity", "is required"));
            }
            if (line.unitPrice() == null) {
                violations.add(new Violation(at + ".unitPrice", "is required"));
            }
            if (line.vat() == null) {
                violations.add(new Violation(at + ".vat", "is required: STANDARD, REDUCED, ZERO, REVERSE_CHARGE or EXEMPT"));
            }
            if (line.quantity() != null && line.unitPrice() != null && line.vat() != null) {
                lines.add(new InvoiceLine(line.description() == null ? "" : line.description(), line.quantity(),
                        Money.of(line.unitPrice(), currency), line.vat()));
            }
        }
        if (!violations.isEmpty()) {
            throw rejected(violations);
        }
        return lines;
    }

    private static RejectedProblem rejected(List<Violation> violations) {
        return Rejections.of(violations, "an invoice");
    }
}
