package nl.tijdig.collection.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.collection.connectors.Secrets;
import nl.tijdig.collection.domain.PartnerReport;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.collection.store.Reports;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.runtime.openapi.ApiDocumentFilter;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * An agency's status callbacks (the contract in {@code collection-gateway/README.md}), at a URL carrying the partner's
 * opaque id: verified as Standard Webhooks messages under the partner's callback secret — {@code webhook-id},
 * {@code webhook-timestamp} (within {@code tijdig.collection.callbacks.tolerance}) and {@code webhook-signature} — before
 * the body is read (a wrong or missing signature, or a timestamp out of the window: 401, nothing changed); each
 * {@code webhook-id} is applied once; then the report is decided on the case, which must be this partner's.
 */
@Path("/callbacks/{partnerId}/status")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CallbackResource {

    /** What was done with a callback. */
    public record Answer(UUID collectionCaseId, String status, boolean duplicate) {
    }

    @Inject
    Pool pool;

    @Inject
    Partners partners;

    @Inject
    Reports reports;

    @Inject
    Secrets secrets;

    @Inject
    CollectionConfig config;

    @Inject
    Clock clock;

    /** The window of {@code webhook-timestamp} is replay protection: transport time, whatever the business clock says. */
    @Inject
    @nl.tijdig.runtime.clock.WallClock
    Clock wallClock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = ApiDocumentFilter.SIGNED_BY, value = ApiDocumentFilter.STANDARD_WEBHOOKS)
    public Uni<Answer> status(@PathParam("partnerId") UUID partnerId, @HeaderParam("webhook-id") String id,
            @HeaderParam("webhook-timestamp") String timestamp, @HeaderParam("webhook-signature") String signature, byte[] body) {
        return partners.connection(pool, partnerId).chain(found -> {
            Partners.Connection partner = found.orElseThrow(() -> new NotFoundProblem("partner", partnerId));
            List<String> valid = partner.callbackSecrets(clock.instant()).stream().map(secrets::open).toList();
            if (valid.isEmpty() || !StandardWebhooks.verify(valid, id, timestamp, signature, body == null ? new byte[0] : body,
                    wallClock.instant(), config.callbacks().tolerance())) {
                throw new WebApplicationException("the callback's signature does not verify under the partner's secret, or its "
                        + "timestamp is outside the window of " + config.callbacks().tolerance(), 401);
            }
            Report report = read(body);
            return reports.apply(partner, id, report.caseId(), report.report()).map(outcome -> switch (outcome) {
                case Reports.Applied applied -> new Answer(applied.collectionCaseId(), applied.status(), false);
                case Reports.Duplicate duplicate -> new Answer(duplicate.collectionCaseId(), null, true);
                case Reports.Unknown unknown -> throw new NotFoundProblem("collection case of this partner", unknown.collectionCaseId());
                case Reports.Refused refused -> throw refused.field().equals("status")
                        ? new ConflictProblem(refused.reason(), List.of(new Problem.FieldError(refused.field(), refused.reason())))
                        : rejected(refused.field(), refused.reason());
            });
        });
    }

    /** A callback's body, read and checked. */
    record Report(UUID caseId, PartnerReport report) {
    }

    static Report read(byte[] body) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw rejected("body", "is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw rejected("body", "must be a JSON object");
        }
        UUID caseId = uuid(json, "caseReference", true);
        String status = json.path("status").asText("");
        String note = text(json, "note");
        String reason = text(json, "reason");
        PartnerReport report = switch (status) {
            case "ACCEPTED" -> new PartnerReport.Accepted(text(json, "partnerReference"), note);
            case "REJECTED" -> new PartnerReport.Rejected(required(reason, "reason"));
            case "IN_PROGRESS" -> new PartnerReport.InProgress(note);
            case "PAYMENT_COLLECTED" -> {
                List<CollectionPaymentReported.Part> parts = new ArrayList<>();
                JsonNode invoices = json.path("invoices");
                for (int i = 0; i < invoices.size(); i++) {
                    parts.add(new CollectionPaymentReported.Part(new InvoiceId(uuid(invoices.get(i), "invoiceId", true, "invoices[" + i + "].invoiceId")),
                            money(invoices.get(i).path("amount"), "invoices[" + i + "].amount", true)));
                }
                yield new PartnerReport.PaymentCollected(uuid(json, "reportId", true), money(json.path("amount"), "amount", true),
                        money(json.path("agencyCosts"), "agencyCosts", false), date(json, "valueDate"), parts);
            }
            case "CLOSED" -> new PartnerReport.Closed(reason);
            case "RETURNED" -> new PartnerReport.Returned(required(reason, "reason"));
            default -> throw rejected("status", "must be one of ACCEPTED, REJECTED, IN_PROGRESS, PAYMENT_COLLECTED, CLOSED, RETURNED");
        };
        return new Report(caseId, report);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw rejected(field, "is required for this status");
        }
        return value;
    }

    private static UUID uuid(JsonNode json, String field, boolean required) {
        return uuid(json, field, required, field);
    }

    private static UUID uuid(JsonNode json, String field, boolean required, String name) {
        String value = text(json, field);
        if (value == null) {
            if (required) {
                throw rejected(name, "is required");
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw rejected(name, "is not a UUID");
        }
    }

    private static Money money(JsonNode json, String field, boolean required) {
        if (json.isMissingNode() || json.isNull()) {
            if (required) {
                throw rejected(field, "is required: {\"amount\": \"12.50\", \"currency\": \"EUR\"}");
            }
            return null;
        }
        try {
            return EventJson.mapper().treeToValue(json, Money.class);
        } catch (IOException | RuntimeException e) {
            throw rejected(field, "must be {\"amount\": \"12.50\", \"currency\": \"EUR\"}");
        }
    }

    private static LocalDate date(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw rejected(field, "is required (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw rejected(field, "must be a date, yyyy-mm-dd");
        }
    }

    private static RejectedProblem rejected(String field, String message) {
        return RejectedProblem.of(List.of(new Problem.FieldError(field, message)), "a callback");
    }
}
