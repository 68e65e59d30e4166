package nl.tijdig.invoice.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import nl.tijdig.invoice.domain.CreditNoteDecider;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.invoice.domain.DebtorDecider;
import nl.tijdig.invoice.domain.InvoiceAmounts;
import nl.tijdig.invoice.domain.IssueInvoice;
import nl.tijdig.invoice.domain.IssueInvoiceDecider;
import nl.tijdig.invoice.domain.RegisterDebtor;
import nl.tijdig.invoice.domain.UblDocument;
import nl.tijdig.invoice.domain.UblImport;
import nl.tijdig.invoice.domain.UblRules;
import nl.tijdig.invoice.store.Counters;
import nl.tijdig.invoice.store.CreditorProfileStore;
import nl.tijdig.invoice.store.DebtorStore;
import nl.tijdig.invoice.store.InvoiceIndex;
import nl.tijdig.invoice.store.InvoiceStore;
import nl.tijdig.invoice.ubl.UblReader;
import nl.tijdig.invoice.ubl.UblWriter;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.InvalidInputProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * UBL 2.1 in and out. Import an invoice (issued with its own number) or a credit note (on the invoice
 * it names) that the tenant sent; export any invoice as a UBL Invoice (SI-UBL 2.0 / Peppol BIS 3.0).
 * A document the schema rejects is a 400 listing each problem with its line and column; one that
 * breaks a business rule a 422 naming the element and the rule; a number imported before a 409.
 */
@Path("/invoices")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
public class UblResource {

    public static final String UBL = "application/xml";

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdGenerator ids;

    @Inject
    CreditorProfileStore profiles;

    @Inject
    DebtorStore debtors;

    @Inject
    java.time.Clock clock;

    @Inject
    InvoiceStore invoices;

    @Inject
    InvoiceIndex index;

    @Inject
    Counters counters;

    /**
     * Imports a UBL 2.1 Invoice or CreditNote of this tenant. An invoice is issued with the document's
     * own number, dates and betalingskenmerk (a new one when the document has none); its buyer is the
     * debtor with the same KvK number or VAT id, or is registered. A credit note credits the invoice its
     * BillingReference names. Answers 201 with the InvoiceIssued or InvoiceCredited.
     */
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @POST
    @Path("/ubl")
    @Consumes({UBL, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // parsing and schema validation are CPU work: off the event loop
    public Uni<Response> importDocument(byte[] body) {
        TenantId owner = tenant.get();
        UblDocument document = read(body);
        return pool.withTransaction(tx -> profiles.load(tx, owner).flatMap(profile -> {
            CreditorProfile seller = profile.map(CreditorProfileStore.Versioned::profile)
                    .orElseThrow(() -> rejected(List.of(new Violation("creditorProfile",
                            "set up the creditor profile before importing invoices"))));
            List<Violation> notOurs = UblImport.checkSeller(document, seller);
            if (!notOurs.isEmpty()) {
                throw rejected(notOurs);
            }
            Currency currency = Money.currency(document.currency());
            return document.kind() == UblDocument.Kind.INVOICE
                    ? importInvoice(tx, owner, document, seller, currency)
                    : importCreditNote(tx, owner, document, currency);
        }));
    }

    /** The invoice as a UBL 2.1 Invoice, with the seller and buyer as they are now. */
    @GET
    @Path("/{id}/ubl")
    @Produces(UBL)
    public Uni<Response> export(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return invoices.load(pool, owner, new InvoiceId(id)).flatMap(found -> {
            InvoiceStore.Loaded invoice = found.orElseThrow(() -> new NotFoundProblem("invoice", id));
            return profiles.load(pool, owner).flatMap(profile -> debtors.load(pool, owner,
                    invoice.issued().debtor().debtorId()).map(debtor -> Response.ok(UblWriter.write(invoice.issued(),
                            profile.orElseThrow().profile(), debtor.orElseThrow().debtor()), UBL)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(invoice) + "\"").build()));
        });
    }

    private Uni<Response> importInvoice(SqlConnection tx, TenantId owner, UblDocument document, CreditorProfile seller,
            Currency currency) {
        return index.findByNumber(tx, owner, document.number()).flatMap(existing -> {
            if (existing.isPresent()) {
                throw new ConflictProblem("invoice number " + document.number() + " was issued before (invoice "
                        + existing.get() + ")", List.of(new Problem.FieldError("cbc:ID", "invoice number "
                                + document.number() + " was issued before (invoice " + existing.get() + ")")));
            }
            UblDocument.Party buyer = document.buyer();
            return debtors.findByKeys(tx, owner, UblImport.kvkNumber(buyer).orElse(null),
                    UblImport.vatId(buyer).orElse(null));
        }).flatMap(known -> known.isPresent()
                ? debtors.load(tx, owner, known.get()).map(d -> d.orElseThrow().debtor())
                : register(tx, owner, document)).flatMap(debtor -> {
                    UblImport.Lines lines = UblImport.lines(document, currency);
                    List<Violation> violations = new ArrayList<>(lines.violations());
                    if (!violations.isEmpty()) {
                        throw rejected(violations);
                    }
                    IssueInvoice command = UblImport.invoice(new InvoiceId(ids.next()), debtor.id(), document, currency,
                            lines.lines());
                    violations.addAll(UblImport.onDocument(IssueInvoiceDecider.validate(command, seller, debtor),
                            lines.sources()));
                    if (violations.isEmpty()) {
                        InvoiceAmounts amounts = InvoiceAmounts.of(lines.lines(), currency);
                        violations.addAll(UblImport.checkAmounts(document, amounts.totalExclVat(), amounts.vatTotal()));
                    }
                    if (!violations.isEmpty()) {
                        throw rejected(violations);
                    }
                    Uni<String> reference = UblImport.paymentReference(document).map(Uni.createFrom()::item)
                            .orElseGet(() -> counters.next(tx, owner, Counters.PAYMENT_REFERENCE).map(Betalingskenmerk::of));
                    return reference.flatMap(kenmerk -> invoices.issue(tx, owner,
                            IssueInvoiceDecider.issue(command, seller, debtor, document.number(), kenmerk)));
                }).map(issued -> Response.created(URI.create("/invoices/" + issued.invoiceId())).entity(issued).build());
    }

    private Uni<Debtor> register(SqlConnection tx, TenantId owner, UblDocument document) {
        RegisterDebtor registration = UblImport.newDebtor(new DebtorId(ids.next()), document);
        List<Violation> violations = UblImport.checkNewDebtor(registration);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(rejected(violations));
        }
        return debtors.handle(tx, owner, new DebtorDecider.Register(owner, registration, clock.instant()));
    }

    private Uni<Response> importCreditNote(SqlConnection tx, TenantId owner, UblDocument document, Currency currency) {
        String invoiceNumber = document.billingReferences().get(0);
        String reference = "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID";
        return index.findByNumber(tx, owner, invoiceNumber).flatMap(found -> {
            UUID invoiceId = found.orElseThrow(() -> rejected(List.of(new Violation(reference,
                    "this tenant has no invoice " + invoiceNumber + " to credit"))));
            return invoices.load(tx, owner, new InvoiceId(invoiceId));
        }).flatMap(found -> {
            InvoiceStore.Loaded invoice = found.orElseThrow();
            if (!invoice.issued().totalInclVat().currency().equals(currency)) {
                throw rejected(List.of(new Violation("cbc:DocumentCurrencyCode", "the invoice credited is in "
                        + invoice.issued().totalInclVat().currency() + ", not " + currency)));
            }
            UblImport.Lines lines = UblImport.lines(document, currency);
            List<Violation> violations = new ArrayList<>(lines.violations());
            if (violations.isEmpty()) {
                violations.addAll(UblImport.onDocument(CreditNoteDecider.validate(invoice.state(), lines.lines(), currency),
                        lines.sources()).stream().map(v -> v.field().equals("invoice")
                                ? new Violation(reference, "invoice " + invoiceNumber + " " + v.message()) : v).toList());
            }
            if (violations.isEmpty()) {
                InvoiceAmounts amounts = InvoiceAmounts.of(lines.lines(), currency);
                violations.addAll(UblImport.checkAmounts(document, amounts.totalExclVat(), amounts.vatTotal()));
            }
            if (!violations.isEmpty()) {
                throw rejected(violations);
            }
            CreditNoteDecider.Credit credit = CreditNoteDecider.credit(invoice.state(), lines.lines(), currency);
            return invoices.credit(tx, owner, invoice, new InvoiceId(ids.next()), document.number(), credit,
                    document.issueDate(), "credit note " + document.number() + " (UBL)")
                    .map(credited -> Response.created(URI.create("/invoices/" + invoice.issued().invoiceId()))
                            .entity(credited).build());
        });
    }

    /** Reads the body: schema problems are a 400, business-rule violations a 422; nothing is changed. */
    private static UblDocument read(byte[] body) {
        if (body == null || body.length == 0) {
            throw Rejections.missingBody();
        }
        return switch (UblReader.read(body)) {
            case UblReader.Invalid invalid -> throw new InvalidInputProblem(invalid.problems().size() == 1
                    ? "not a valid UBL 2.1 document: " + invalid.problems().get(0)
                    : "not a valid UBL 2.1 document: " + invalid.problems().size() + " problems",
                    invalid.problems().stream().map(p -> new Problem.FieldError("line " + p.line() + ", column "
                            + p.column(), p.message())).toList());
            case UblReader.Read read -> {
                List<Violation> violations = new ArrayList<>(UblRules.check(read.document()));
                violations.addAll(UblImport.checkSupported(read.document()));
                if (!violations.isEmpty()) {
                    throw rejected(violations);
                }
                yield read.document();
            }
        };
    }

    private static String fileName(InvoiceStore.Loaded invoice) {
        return "invoice-" + invoice.issued().invoiceNumber().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
    }

    private static nl.tijdig.runtime.problem.RejectedProblem rejected(List<Violation> violations) {
        return Rejections.of(violations, "a UBL document");
    }
}
