package nl.tijdig.collection.connectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventJson;

/**
 * The reference REST/JSON agency (its contract in {@code collection-gateway/README.md}):
 * {@code POST <base URL>/cases} with {@code {"caseReference": <collection case id>, "callbackPath": …, "dossier":
 * <EscalatedToCollection>}} and {@code Idempotency-Key: <collection case id>} ({@link PartnerCall}); a 2xx answers
 * {@code {"reference": "…"}}; a recall: {@code POST <base URL>/cases/<collection case id>/recall}.
 */
@ApplicationScoped
public class RestAgencyConnector implements AgencyConnector {

    @Inject
    PartnerCall call;

    @Override
    public Partner.Kind kind() {
        return Partner.Kind.REST_AGENCY;
    }

    @Override
    public String handOver(Connection partner, UUID collectionCaseId, EscalatedToCollection dossier) throws PartnerCall.Failed {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("caseReference", collectionCaseId.toString());
        body.put("callbackPath", "/callbacks/" + partner.partnerId() + "/status");
        body.set("dossier", EventJson.mapper().valueToTree(dossier));
        String reference = call.post(partner, "/cases", collectionCaseId.toString(), body).path("reference").asText(null);
        return reference == null || reference.isBlank() ? null : reference; // none: it comes with the callbacks
    }

    /** {@code POST <base URL>/cases/<collection case id>/recall} with {@code {"caseReference", "reason"}}. */
    @Override
    public void recall(Connection partner, UUID collectionCaseId, String reason) throws PartnerCall.Failed {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("caseReference", collectionCaseId.toString());
        body.put("reason", reason);
        call.post(partner, "/cases/" + collectionCaseId + "/recall", "recall-" + collectionCaseId, body);
    }
}
