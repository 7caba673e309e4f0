package uk.mathshubs.kit.openapi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The document says what the JSON says: the services write every field of a record, {@code null} included
 * ({@code "next": null} on a last page, {@code "waitingListPosition": null} for an accepted school), so a field the
 * schema does not list as required may be null, and the schema says so (OpenAPI 3.1: {@code "null"} among its types,
 * in its enum, or {@code anyOf} its reference and null). A field that is never null is marked required where it is
 * declared ({@code @Schema(required = true)} or {@code @NotNull}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class NullableFields implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        openAPI.getComponents().getSchemas().values().forEach(schema -> visit(schema, seen));
    }

    private static void visit(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
                visit(property.getValue(), seen);
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
        }
        visit(schema.getItems(), seen);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> visit(member, seen));
            }
        }
    }

    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            return OASFactory.createSchema().description(schema.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(schema.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (schema.getType() != null && !schema.getType().isEmpty() && !schema.getType().contains(SchemaType.NULL)) {
            schema.addType(SchemaType.NULL);
            if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
                schema.addEnumeration(null);
            }
        }
        return schema;
    }
}
