package uk.mathshubs.kit.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import uk.mathshubs.kit.idempotency.IdempotencyKeys;
import uk.mathshubs.kit.problem.Problem;

/**
 * What every operation of every service can answer besides its success, written into the OpenAPI document so that
 * the document says it: each error as an RFC 9457 {@code application/problem+json} of one shared {@code Problem}
 * schema. 400 where there is input (parameters or a body), 401 everywhere (a bad token is refused wherever it is
 * sent), 403 where a role is needed, 404 where the path names something, 409 for changes (a state that does not
 * allow it, a duplicate), 413 and 415 where there is a body; every POST takes an {@code Idempotency-Key} header (422
 * when it was used for another request). Errors an operation documents itself keep their
 * descriptions and get the problem content. Also gives each operation a readable id: {@code Application.submit}
 * for {@code ApplicationResource#submit}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addProblemSchema(openAPI.getComponents());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                operation.setOperationId(ownedBy(readable(operation.getOperationId())));
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                documentErrors(path.getKey(), path.getValue(), entry.getKey(), operation);
            }
        }
    }

    private static void documentErrors(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean input = hasParameters(item, operation) || operation.getRequestBody() != null;
        boolean body = operation.getRequestBody() != null;
        boolean change = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        Map<String, String> errors = new TreeMap<>();
        if (input) {
            errors.put("400", "The input is not valid: each field in error is named in errors[]");
        }
        errors.put("401", "The bearer token sent is not valid (expired, forged, for another audience)");
        errors.put("406", "The Accept header asks for a representation this operation does not give");
        errors.put("429", "Over the caller's rate limit: try again after Retry-After seconds");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            errors.put("403", "The caller's role or tenancy does not allow this");
        }
        if (path.contains("{")) {
            errors.put("404", "Nothing the caller may see is at this address");
        }
        if (change) {
            errors.put("409", "The change is not possible in the resource's present state"
                    + (method == PathItem.HttpMethod.POST ? ", or a request with this Idempotency-Key is still being answered" : ""));
        }
        if (method == PathItem.HttpMethod.POST) {
            acceptsIdempotencyKey(operation);
            errors.put("422", "The Idempotency-Key was sent before with another request");
        }
        if (body) {
            errors.put("413", "The body is larger than this operation accepts");
            errors.put("415", "The body is not JSON in UTF-8, or says no Content-Type");
        }
        errors.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(response);
            }
        });
    }

    /** Every POST takes an Idempotency-Key (kit {@code IdempotencyKeys}). */
    private static void acceptsIdempotencyKey(Operation operation) {
        boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> IdempotencyKeys.HEADER.equalsIgnoreCase(parameter.getName()));
        if (documented) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(IdempotencyKeys.HEADER).in(Parameter.In.HEADER).required(false)
                .description("A key the client makes for this request (a UUID): the same request sent again with the same key"
                        + " within 24 hours is answered with the first answer (header " + IdempotencyKeys.REPLAYED
                        + ": true) and changes nothing; while the first is still being answered, 409; with another request, 422")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1).maxLength(257))
                .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
    }

    private static boolean hasParameters(PathItem item, Operation operation) {
        return (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
    }

    private static void asProblem(APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("A problem (RFC 9457)");
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        response.setContent(content);
    }

    /** The kit's own resources, which every service serves: their ids name the service, to stay unique in the API. */
    private static final java.util.Set<String> SHARED = java.util.Set.of("Audit");

    /** {@code Audit.entries} in the applications service as {@code ApplicationsAudit.entries}. */
    static String ownedBy(String operationId) {
        if (operationId == null || !SHARED.contains(operationId.substring(0, Math.max(0, operationId.indexOf('.'))))) {
            return operationId;
        }
        String service = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class).orElse("service").replaceAll("-service$", "");
        StringBuilder word = new StringBuilder();
        for (String part : service.split("-")) {
            if (!part.isEmpty()) {
                word.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return word + operationId;
    }

    /** {@code ApplicationResource_submit} (SmallRye's class-method id) as {@code Application.submit}. */
    static String readable(String operationId) {
        if (operationId == null) {
            return null;
        }
        int separator = operationId.lastIndexOf('_');
        if (separator < 0) {
            return operationId;
        }
        String type = operationId.substring(0, separator);
        type = type.substring(type.lastIndexOf('.') + 1);
        if (type.endsWith("Resource")) {
            type = type.substring(0, type.length() - "Resource".length());
        }
        return type + "." + operationId.substring(separator + 1);
    }

    private static void addProblemSchema(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The field, parameter or header in error: applicationWindow.confirmationDate, openNow, Content-Type"))
                .addProperty("message", text)
                .required(List.of("field", "message"));
        components.addSchema(SCHEMA, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, as application/problem+json")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .description("The kind of problem: https://api.mathshubs.uk/problems/<kind>, or about:blank"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status")));
    }
}
