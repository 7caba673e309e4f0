package uk.mathshubs.kit.audit;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents {@link AuditResource} at the one path each service answers, {@code /api/v1/audit/<its name>}, so that the
 * gateway's aggregated OpenAPI (which keeps each path from the service it routes it to) shows all three.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class AuditPathFilter implements OASFilter {

    private static final String TEMPLATE = "/api/v1/audit/{service}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItem(TEMPLATE) == null) {
            return;
        }
        PathItem item = openAPI.getPaths().getPathItem(TEMPLATE);
        openAPI.getPaths().removePathItem(TEMPLATE);
        if (item.getParameters() != null) {
            item.setParameters(withoutService(item.getParameters()));
        }
        item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.setParameters(withoutService(operation.getParameters()));
            }
        });
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        openAPI.getPaths().addPathItem("/api/v1/audit/" + service, item);
    }

    private static List<Parameter> withoutService(List<Parameter> parameters) {
        return new ArrayList<>(parameters.stream()
                .filter(p -> !("service".equals(p.getName()) && p.getIn() == Parameter.In.PATH)).toList());
    }
}
