package nl.tijdig.runtime.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Every service's OpenAPI document as integrators generate clients from it (docs/api.md): each operation
 * has a stable {@code operationId} — the resource method's name and its resource, {@code registerDebtor}
 * for {@code DebtorResource.register} — and a security requirement (the bearer token; a partner callback
 * names how it is verified instead, or none), and the error model is written down once: the RFC 9457
 * {@code Problem} and the answers every operation may give (400, 401, 403, 404, 409, 422, 429).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    /** The extension by which an operation without a token names how it is verified instead. */
    public static final String SIGNED_BY = "x-tijdig-signed-by";
    /** Verified as a Standard Webhooks message under the partner's callback secret. */
    public static final String STANDARD_WEBHOOKS = "standard-webhooks";

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                operation.setOperationId(operationId(operation.getOperationId()));
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                Object signedBy = operation.getExtensions() == null ? null : operation.getExtensions().get(SIGNED_BY);
                if (STANDARD_WEBHOOKS.equals(signedBy)) {
                    components.addSecurityScheme(STANDARD_WEBHOOKS_SCHEME, OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("webhook-signature")
                            .description("A Standard Webhooks signature (HMAC-SHA256 over webhook-id, webhook-timestamp and "
                                    + "the body) under the partner's callback secret; the webhook-id and webhook-timestamp "
                                    + "headers are required too (docs/security.md, partner callbacks)"));
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(STANDARD_WEBHOOKS_SCHEME)));
                    operation.removeExtension(SIGNED_BY);
                    problem(operation.getResponses() == null ? setResponses(operation) : operation.getResponses(), "401",
                            "The signature is missing or wrong, or the timestamp is out of the window");
                } else if (operation.getSecurity() == null) {
                    // a payment provider's webhook: no credential of its own, verified by fetching the payment back
                    // from the provider (docs/security.md)
                    operation.setSecurity(List.of());
                }
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                        : operation.getResponses();
                operation.setResponses(responses);
                boolean writes = entry.getKey() != PathItem.HttpMethod.GET;
                boolean hasInput = operation.getRequestBody() != null
                        || operation.getParameters() != null && !operation.getParameters().isEmpty();
                if (hasInput) {
                    problem(responses, "400", "The request is malformed or a value breaks its limits; `errors` names each field");
                }
                if (secured) {
                    problem(responses, "401", "No valid bearer token");
                    problem(responses, "403", "The token's roles do not allow this");
                    problem(responses, "429", "The tenant's rate limit is exceeded; retry after `Retry-After` seconds");
                }
                if (path.getKey().contains("{")) {
                    problem(responses, "404", "No such object for the caller's tenant");
                }
                if (writes) {
                    problem(responses, "409", "Changed at the same time by someone else, or in conflict with what exists");
                    problem(responses, "422", "A business rule is broken; `errors` names each field");
                }
            }
        }
    }

    static final String STANDARD_WEBHOOKS_SCHEME = "standardWebhooks";

    private static APIResponses setResponses(Operation operation) {
        operation.setResponses(OASFactory.createAPIResponses());
        return operation.getResponses();
    }

    /** {@code DebtorResource_register} (the CLASS_METHOD strategy) as {@code registerDebtor}. */
    static String operationId(String classMethod) {
        if (classMethod == null || !classMethod.contains("_")) {
            return classMethod;
        }
        String resource = classMethod.substring(0, classMethod.indexOf('_')).replaceFirst("Resource$", "");
        String method = classMethod.substring(classMethod.indexOf('_') + 1);
        return method + resource;
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problemContent());
            }
            if (existing.getDescription() == null || existing.getDescription().isBlank()) {
                existing.setDescription(description);
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** RFC 9457 problem details, with the fields that were wrong. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One wrong field: its JSON path in the body, or the name of the query or path parameter")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("lines[0].quantity")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("must not be zero")))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .examples(List.of("https://tijdig.nl/problems/validation")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

}
