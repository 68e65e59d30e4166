package nl.tijdig.events;

/**
 * Published by the payment-service on {@code tijdig.payment.v1}, keyed by the payment id (payment
 * events) or the link id (payment-link events).
 */
public sealed interface PaymentEvent extends PublicEvent permits PaymentReceived, PaymentUnmatched, PaymentReversed,
        PaymentLinkCreated, PaymentLinkClosed, CreditRefunded {
}
