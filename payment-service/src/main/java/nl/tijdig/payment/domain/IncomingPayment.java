package nl.tijdig.payment.domain;

import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * Money that came in, as reported (by an integrator, a bank statement, a pay link): amount, value date,
 * payer name and IBAN, remittance text (omschrijving) or structured reference, and optionally the
 * invoice the reporter says it pays.
 */
public record IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban,
        String remittance, InvoiceId invoiceId) {
}
