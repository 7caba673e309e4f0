package uk.mathshubs.testsupport.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Turned on by a module for all its {@code @QuarkusTest}s (a line in its
 * META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback): every REST Assured call is checked
 * against the service's own OpenAPI document by {@link OpenApiValidationFilter}. A Quarkus callback, so that it runs
 * in the application's class loader, where the REST Assured the tests call lives.
 */
public final class ValidateAgainstOpenApi implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiValidationFilter.INSTANCE)) {
            RestAssured.filters(OpenApiValidationFilter.INSTANCE);
        }
    }
}
