package nl.tijdig.events;

import java.util.UUID;
import nl.tijdig.kernel.PaymentId;

/** Published by the payment-service on {@code tijdig.payment.v1}, keyed by payment id. */
public sealed interface PaymentEvent extends PublicEvent permits PaymentReceived, PaymentUnmatched, PaymentReversed {

    PaymentId paymentId();

    @Override
    default UUID aggregateId() {
        return paymentId().value();
    }
}
