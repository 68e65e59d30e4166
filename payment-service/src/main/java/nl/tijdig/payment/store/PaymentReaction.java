package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import nl.tijdig.events.PaymentEvent;

/**
 * Reacts to a payment event in the transaction that records it, so that what follows from the event commits with
 * it (the pay links of the invoices a payment settled close). A reaction keeps its own rows; it decides nothing
 * about the payment, and the payment's store does not know who reacts.
 */
public interface PaymentReaction {

    Uni<Void> on(SqlConnection tx, PaymentEvent event);
}
