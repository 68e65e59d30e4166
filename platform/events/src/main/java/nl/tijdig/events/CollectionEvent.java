package nl.tijdig.events;

/**
 * Published by the collection-gateway on {@code tijdig.collection.v1}: what collection agencies and
 * factoring partners report. Keyed by the collection case, or by the invoice for factoring (offered, accepted, rejected, assigned).
 */
public sealed interface CollectionEvent extends PublicEvent permits CollectionCaseOpened, CollectionCaseUpdated,
        CollectionPaymentReported, CollectionCaseClosed, FactoringOffered, FactoringAccepted, FactoringRejected, InvoiceAssigned {
}
