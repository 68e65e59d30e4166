package nl.tijdig.events;

/**
 * Published by the invoice-service on {@code tijdig.invoice.v1}: invoice events keyed by invoice id,
 * debtor events by debtor id, the creditor profile by tenant id.
 */
public sealed interface InvoiceEvent extends PublicEvent
        permits InvoiceIssued, InvoiceCredited, InvoiceCancelled, DebtorRegistered, DebtorUpdated,
        CreditorProfileUpdated {
}
