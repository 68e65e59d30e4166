package nl.tijdig.collection.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import nl.tijdig.collection.store.Invoices;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.Money;

/**
 * The reference factoring API (its contract in {@code collection-gateway/README.md}): {@code POST <base URL>/offers}
 * with {@code {"offerReference", "invoice": {"invoiceId", "invoiceNumber", "dueDate", "open"}, "debtor": {"debtorId",
 * "name", "segment"}}} and {@code Idempotency-Key: <offer id>} ({@link PartnerCall}); the answer is the decision:
 * {@code {"decision": "ACCEPTED", "advance", "fee", "reference", "assignedOn"}} or {@code {"decision": "REJECTED",
 * "reason"}}. An answer without a readable decision is permanent.
 */
@ApplicationScoped
public class RestFactorConnector implements FactorConnector {

    @Inject
    PartnerCall call;

    @Override
    public Answer offer(AgencyConnector.Connection factor, UUID offerId, Invoices.Offerable invoice, Money offered) throws PartnerCall.Failed {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("offerReference", offerId.toString());
        ObjectNode i = body.putObject("invoice");
        i.put("invoiceId", invoice.invoice().invoiceId().toString());
        i.put("invoiceNumber", invoice.invoice().invoiceNumber());
        i.put("dueDate", invoice.invoice().dueDate().toString());
        i.set("open", EventJson.mapper().valueToTree(offered));
        ObjectNode d = body.putObject("debtor");
        d.put("debtorId", invoice.invoice().debtorId().toString());
        d.put("name", invoice.debtorName());
        d.put("segment", invoice.segment().name());
        JsonNode answer = call.post(factor, "/offers", offerId.toString(), body);
        String decision = answer.path("decision").asText("");
        try {
            return switch (decision) {
                case "ACCEPTED" -> new Accepted(money(answer, "advance"), money(answer, "fee"), text(answer, "reference"),
                        text(answer, "assignedOn") == null ? null : LocalDate.parse(text(answer, "assignedOn")));
                case "REJECTED" -> new Rejected(text(answer, "reason") == null ? "declined by the factor" : text(answer, "reason"));
                default -> throw new PartnerCall.Failed("the factor's answer has no decision (ACCEPTED or REJECTED)", true);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new PartnerCall.Failed("the factor's answer does not read: " + e.getMessage(), true);
        }
    }

    private static Money money(JsonNode answer, String field) throws PartnerCall.Failed {
        JsonNode value = answer.get(field);
        if (value == null || value.isNull()) {
            throw new PartnerCall.Failed("the factor's answer has no " + field, true);
        }
        try {
            return EventJson.mapper().treeToValue(value, Money.class);
        } catch (Exception e) {
            throw new PartnerCall.Failed("the factor's " + field + " is not {\"amount\", \"currency\"}", true);
        }
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
