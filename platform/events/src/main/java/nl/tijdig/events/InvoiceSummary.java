package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/** One invoice of a letter or a dossier: its principal and what is still open of it. */
public record InvoiceSummary(InvoiceId invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
        Money principal, Money open) {

    public InvoiceSummary {
        required(invoiceId, "invoiceId");
        text(invoiceNumber, "invoiceNumber");
        required(issueDate, "issueDate");
        required(dueDate, "dueDate");
        required(principal, "principal");
        required(open, "open");
    }
}
