package nl.tijdig.events;

/**
 * Published by the invoice-service on {@code tijdig.invoice.v1}: invoice events keyed by invoice id,
 * debtor events keyed by debtor id.
 */
public sealed interface InvoiceEvent extends PublicEvent
        permits InvoiceIssued, InvoiceCredited, InvoiceCancelled, DebtorRegistered, DebtorUpdated {
}
