package nl.tijdig.events;

/**
 * Published by the collection-gateway on {@code tijdig.collection.v1}: what collection agencies and
 * factoring partners report. Keyed by the collection case (payments reported) or the invoice (assigned).
 */
public sealed interface CollectionEvent extends PublicEvent permits CollectionCaseOpened, CollectionCaseUpdated,
        CollectionPaymentReported, CollectionCaseClosed, InvoiceAssigned {
}
