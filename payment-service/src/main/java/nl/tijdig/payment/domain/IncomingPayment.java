package nl.tijdig.payment.domain;

import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * Money that came in, as reported (by an integrator, a bank statement, a pay link): amount, value date,
 * payer name and IBAN, remittance text (omschrijving) or structured reference, optionally the invoice
 * the reporter says it pays, the transfer's end-to-end id (by which a later reversal finds it) and the
 * structured creditor reference when the bank reported one apart from the text ({@code reference}).
 */
public record IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban,
        String remittance, InvoiceId invoiceId, String endToEndId, String reference) {

    public IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban, String remittance,
            InvoiceId invoiceId, String endToEndId) {
        this(amount, valueDate, payerName, payerIban, remittance, invoiceId, endToEndId, null);
    }

    public IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban, String remittance,
            InvoiceId invoiceId) {
        this(amount, valueDate, payerName, payerIban, remittance, invoiceId, null);
    }
}
