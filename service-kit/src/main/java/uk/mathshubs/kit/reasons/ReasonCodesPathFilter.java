package uk.mathshubs.kit.reasons;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents {@link ReasonCodeResource} at one path per kind this service keeps ({@code /api/v1/reason-codes/withdrawal}),
 * each its own operation, so that the gateway's aggregated document (which keeps each path from the service it routes
 * it to) shows every kind from its owner; a service that keeps none documents none. Before {@code ProblemResponses}
 * (a higher priority), which then documents each operation's errors.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.RUN, priority = 10)
public class ReasonCodesPathFilter implements OASFilter {

    private static final String TEMPLATE = "/api/v1/reason-codes/{kind}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItem(TEMPLATE) == null) {
            return;
        }
        Operation list = openAPI.getPaths().getPathItem(TEMPLATE).getGET();
        openAPI.getPaths().removePathItem(TEMPLATE);
        List<String> kinds = ConfigProvider.getConfig().getOptionalValues(ReasonCodes.KINDS, String.class).orElse(List.of());
        for (String kind : kinds) {
            Operation operation = OASFactory.createOperation()
                    .operationId("ReasonCodes." + camelCase(kind))
                    .summary("The " + kind.replace('-', ' ') + " reason codes in use now, in the order to offer them")
                    .description(list.getDescription())
                    .tags(list.getTags())
                    .security(list.getSecurity())
                    .responses(list.getResponses());
            openAPI.getPaths().addPathItem("/api/v1/reason-codes/" + kind, OASFactory.createPathItem().GET(operation));
        }
    }

    /** {@code offer-decline} as {@code offerDecline}: an operation id unique in the whole API, as kinds are. */
    static String camelCase(String kind) {
        StringBuilder id = new StringBuilder();
        for (String part : kind.toLowerCase(Locale.ROOT).split("-")) {
            if (!part.isEmpty()) {
                id.append(id.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
        }
        return id.toString();
    }
}
