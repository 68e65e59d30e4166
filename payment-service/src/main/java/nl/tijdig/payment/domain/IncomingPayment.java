package nl.tijdig.payment.domain;

import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * Money that came in, as reported (by an integrator, a bank statement, a pay link): amount, value date,
 * payer name and IBAN, remittance text (omschrijving) or structured reference, optionally the invoice
 * the reporter says it pays, and the transfer's end-to-end id (by which a later reversal finds it).
 */
public record IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban,
        String remittance, InvoiceId invoiceId, String endToEndId) {

    public IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban, String remittance,
            InvoiceId invoiceId) {
        this(amount, valueDate, payerName, payerIban, remittance, invoiceId, null);
    }
}
