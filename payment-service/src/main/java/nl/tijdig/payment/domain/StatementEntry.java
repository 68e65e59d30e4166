package nl.tijdig.payment.domain;

import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * One booked transaction of a bank statement (a camt.053 entry or one of its transaction details; an
 * MT940 :61: line with its :86:): on which account, whether money came in ({@code credit}) or is a
 * reversal or return of earlier money, how much, when, from whom, with what remittance, and the structured
 * creditor reference when the bank gives one apart ({@code reference}: a betalingskenmerk or an ISO 11649 RF
 * reference). {@code key} identifies it across statements (the bank's entry reference and the detail's
 * position), so the same entry imported twice is recognised.
 */
public record StatementEntry(String key, String account, boolean credit, boolean reversal, Money amount,
        LocalDate bookingDate, LocalDate valueDate, String endToEndId, String counterpartyName,
        String counterpartyIban, String remittance, String returnReason, String reference) {

    public StatementEntry(String key, String account, boolean credit, boolean reversal, Money amount,
            LocalDate bookingDate, LocalDate valueDate, String endToEndId, String counterpartyName,
            String counterpartyIban, String remittance, String returnReason) {
        this(key, account, credit, reversal, amount, bookingDate, valueDate, endToEndId, counterpartyName,
                counterpartyIban, remittance, returnReason, null);
    }

    /** What the entry means for receivables. */
    public enum Kind {
        /** Money came in: a payment to match. */
        INCOMING,
        /** Money taken back: an earlier incoming payment reversed or returned (a direct debit: MD06, AC06). */
        REVERSAL,
        /** Anything else: money going out, or one of our own transfers coming back (not a receivable). */
        OTHER
    }

    public Kind kind() {
        if (!credit && (reversal || returnReason != null)) {
            return Kind.REVERSAL;
        }
        return credit && !reversal && returnReason == null ? Kind.INCOMING : Kind.OTHER;
    }

    /** The entry as a payment of a known invoice (one of our direct-debit collections, booked). */
    public IncomingPayment asPayment(InvoiceId invoice) {
        return new IncomingPayment(amount, valueDate != null ? valueDate : bookingDate, counterpartyName,
                counterpartyIban, remittance, invoice, endToEndId, reference);
    }

    /** The entry as a payment to match. */
    public IncomingPayment asPayment() {
        return new IncomingPayment(amount, valueDate != null ? valueDate : bookingDate, counterpartyName,
                counterpartyIban, remittance, null, endToEndId, reference);
    }
}
