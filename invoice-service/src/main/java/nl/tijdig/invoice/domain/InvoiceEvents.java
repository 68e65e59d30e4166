package nl.tijdig.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.DebtorDetails;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.DebtorUpdated;
import nl.tijdig.events.EarlyPaymentDiscount;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.LineItem;
import nl.tijdig.events.PostalAddress;
import nl.tijdig.events.VatAmount;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * The invoice-service's events and its domain, both ways, in one place: what a decided invoice, credit note,
 * cancellation, debtor or creditor profile publishes, and how each stream's state evolves from its events
 * (an invoice's {@link InvoiceState}, a {@link Debtor}, the {@link CreditorProfile}). The stores only load,
 * append and index; nothing here does I/O.
 */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    /** An invoice as its stream gives it: the event it was issued by, and its state since. */
    public record Invoice(InvoiceIssued issued, InvoiceState state) {
    }

    // ---- invoices

    public static InvoiceIssued issued(TenantId tenant, IssuedInvoice invoice, Instant at) {
        InvoiceAmounts amounts = invoice.amounts();
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            lines.add(new LineItem(line.description(), line.quantity().toPlainString(), line.unitPrice(),
                    line.vat().categoryCode(), line.vat().percent().toPlainString(), amounts.lineTotals().get(i)));
        }
        List<VatAmount> vat = amounts.vatBreakdown().stream().map(b -> new VatAmount(b.rate().categoryCode(),
                b.rate().percent().toPlainString(), b.taxable(), b.vat())).toList();
        Debtor d = invoice.debtor();
        IssueInvoice.EarlyPaymentDiscount discount = invoice.discount();
        return new InvoiceIssued(tenant, invoice.invoiceId(), invoice.number(),
                new DebtorSnapshot(d.id(), d.name(), d.segment(), d.language(), d.email(), d.iban()),
                invoice.issueDate(), invoice.dueDate(), amounts.totalExclVat(), amounts.vatTotal(), amounts.totalInclVat(),
                invoice.paymentReference(), invoice.termDays(), invoice.deliveryDate(), lines, vat,
                invoice.purchaseOrder(),
                discount == null ? null : new EarlyPaymentDiscount(discount.percent().toPlainString(), discount.withinDays()),
                at);
    }

    public static InvoiceCredited credited(TenantId tenant, InvoiceId invoice, InvoiceId creditNoteId, String number,
            CreditNoteDecider.Credit credit, LocalDate creditDate, String reason, Instant at) {
        return new InvoiceCredited(tenant, invoice, creditNoteId, number, credit.amountInclVat(), credit.vat(), creditDate,
                reason, at);
    }

    public static InvoiceCancelled cancelled(TenantId tenant, InvoiceId invoice, String reason, LocalDate cancelDate,
            Instant at) {
        return new InvoiceCancelled(tenant, invoice, reason, cancelDate, at);
    }

    /** The invoice after the event (null before it is issued; events of other streams change nothing). */
    public static Invoice evolve(Invoice invoice, InvoiceEvent event) {
        return switch (event) {
            case InvoiceIssued issued -> new Invoice(issued, InvoiceState.issued(issued.totalInclVat(), issued.vatTotal()));
            case InvoiceCredited credited -> new Invoice(invoice.issued(),
                    invoice.state().credit(credited.amountInclVat(), credited.vatAmount()));
            case InvoiceCancelled cancelled -> new Invoice(invoice.issued(), invoice.state().cancel());
            case DebtorRegistered other -> invoice;
            case DebtorUpdated other -> invoice;
            case CreditorProfileUpdated other -> invoice;
        };
    }

    // ---- debtors

    public static DebtorRegistered registered(TenantId tenant, Debtor debtor, Instant at) {
        return new DebtorRegistered(tenant, debtor.id(), details(debtor), at);
    }

    public static DebtorUpdated updated(TenantId tenant, Debtor debtor, Instant at) {
        return new DebtorUpdated(tenant, debtor.id(), details(debtor), at);
    }

    /** The debtor after the event: the data of its last registration or update (null before it is registered). */
    public static Debtor evolve(Debtor debtor, InvoiceEvent event) {
        return switch (event) {
            case DebtorRegistered registered -> debtor(registered.debtorId(), registered.debtor());
            case DebtorUpdated updated -> debtor(updated.debtorId(), updated.debtor());
            case InvoiceIssued other -> debtor;
            case InvoiceCredited other -> debtor;
            case InvoiceCancelled other -> debtor;
            case CreditorProfileUpdated other -> debtor;
        };
    }

    static DebtorDetails details(Debtor d) {
        Address a = d.address();
        return new DebtorDetails(d.kind().name(), d.name(),
                new PostalAddress(a.street(), a.postalCode(), a.city(), a.countryCode()), d.kvkNumber(), d.vatId(),
                d.email(), d.language(), d.iban(), d.segment(),
                d.termDays().isPresent() ? d.termDays().getAsInt() : null);
    }

    static Debtor debtor(DebtorId id, DebtorDetails d) {
        PostalAddress a = d.address();
        return new Debtor(id, Debtor.Kind.valueOf(d.kind()), d.name(),
                new Address(a.street(), a.postalCode(), a.city(), a.countryCode()), d.kvkNumber(), d.vatId(), d.email(),
                d.language(), d.iban(), d.segment(), d.termDays() == null ? OptionalInt.empty() : OptionalInt.of(d.termDays()));
    }

    // ---- the creditor profile

    public static CreditorProfileUpdated profileUpdated(TenantId tenant, CreditorProfile p, Instant at) {
        Address a = p.address();
        return new CreditorProfileUpdated(tenant, new CreditorSnapshot(p.name(), p.kvkNumber(), p.vatId(), p.iban(), p.bic(),
                p.senderEmail(), new PostalAddress(a.street(), a.postalCode(), a.city(), a.countryCode())), p.logoUrl(),
                p.footer(), boxed(p.b2bTermDays()), boxed(p.b2cTermDays()), p.invoiceSeries(),
                p.vatDeductible() ? null : Boolean.FALSE, at);
    }

    /** The profile after the event: the last one published (null before the first). */
    public static CreditorProfile evolve(CreditorProfile profile, InvoiceEvent event) {
        return switch (event) {
            case CreditorProfileUpdated e -> {
                CreditorSnapshot c = e.creditor();
                PostalAddress a = c.address();
                yield new CreditorProfile(c.name(), a == null ? null : new Address(a.street(), a.postalCode(), a.city(),
                        a.countryCode()), c.kvkNumber(), c.vatId(), c.iban(), c.bic(), c.email(), unboxed(e.b2bTermDays()),
                        unboxed(e.b2cTermDays()), e.logoUrl(), e.footer(), e.invoiceSeries(),
                        e.vatDeductible() == null || e.vatDeductible());
            }
            case InvoiceIssued other -> profile;
            case InvoiceCredited other -> profile;
            case InvoiceCancelled other -> profile;
            case DebtorRegistered other -> profile;
            case DebtorUpdated other -> profile;
        };
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static OptionalInt unboxed(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
