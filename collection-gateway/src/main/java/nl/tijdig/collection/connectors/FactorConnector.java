package nl.tijdig.collection.connectors;

import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.collection.store.Invoices;
import nl.tijdig.kernel.Money;

/**
 * The factoring SPI: offers an invoice to a factor (one CDI bean; its settings are the partner's base URL and API key)
 * and returns the factor's decision. Idempotent at the factor: the offer id is the idempotency key.
 */
public interface FactorConnector {

    /** The factor's decision on an offer. */
    sealed interface Answer {
    }

    /** Bought: the factor pays {@code advance}, charges {@code fee}; assigned on {@code assignedOn} (null: today). */
    record Accepted(Money advance, Money fee, String reference, LocalDate assignedOn) implements Answer {
    }

    record Rejected(String reason) implements Answer {
    }

    /**
     * Offers the invoice ({@code offered}: what is open of it) and returns the factor's decision.
     *
     * @throws PartnerCall.Failed when the factor did not answer ({@code permanent}: trying again will not help)
     */
    Answer offer(AgencyConnector.Connection factor, UUID offerId, Invoices.Offerable invoice, Money offered) throws PartnerCall.Failed;
}
