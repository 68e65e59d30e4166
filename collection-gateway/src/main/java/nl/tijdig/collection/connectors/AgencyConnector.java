package nl.tijdig.collection.connectors;

import java.util.UUID;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.events.EscalatedToCollection;

/**
 * The connector SPI: one class per kind of agency with an API (a CDI bean), chosen by the partner's {@link #kind()}; its
 * settings are the partner's (base URL, API key). A hand-over is idempotent at the partner: the collection case id
 * is the idempotency key, so a partner never gets a case twice however often it is tried.
 */
public interface AgencyConnector {

    Partner.Kind kind();

    /**
     * Hands the case over with its whole dossier; returns the partner's reference for it.
     *
     * @throws PartnerCall.Failed when the partner did not take it ({@code permanent}: trying again will not help)
     */
    String handOver(Connection partner, UUID collectionCaseId, EscalatedToCollection dossier) throws PartnerCall.Failed;

    /**
     * Tells the partner the creditor took the case back ({@code reason}); idempotent at the partner.
     *
     * @throws PartnerCall.Failed when the partner did not take the notice
     */
    void recall(Connection partner, UUID collectionCaseId, String reason) throws PartnerCall.Failed;

    /** Where and how a partner is reached. */
    record Connection(UUID partnerId, String name, String baseUrl, String apiKey) {
    }
}
