package uk.mathshubs.testsupport.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every REST Assured call of a test to the OpenAPI document served where it calls: the gateway's aggregated
 * {@code /openapi} (system tests), or a service's own {@code /q/openapi} (its {@code @QuarkusTest}s): the answer's status and body (and, when the call succeeded, the body sent) must be what the
 * document says; a mismatch fails the test that made the call. The document is read once per service address.
 */
public final class OpenApiValidationFilter implements Filter {

    /** The one filter of a class loader, so that it is installed once. */
    public static final OpenApiValidationFilter INSTANCE = new OpenApiValidationFilter();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, OpenApiContract> contracts = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!uri.getPath().startsWith("/api/") || asksForVersion1(request)) {
            return response;
        }
        OpenApiContract contract = contracts.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), OpenApiValidationFilter::load);
        contract.operation(request.getMethod(), uri.getRawPath()).ifPresent(operation -> {
            List<String> problems = new ArrayList<>(contract.checkResponse(operation, response.statusCode(),
                    response.contentType(), response.asString()));
            if (response.statusCode() < 300) {
                problems.addAll(contract.checkRequest(operation, request.getContentType(), body(request)));
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getRawPath()
                        + " is not what the OpenAPI document says:\n  " + String.join("\n  ", problems)
                        + "\nbody: " + abbreviate(response.asString()));
            }
        });
        return response;
    }

    /** A caller that sends API-Version: 1 is answered as the change log says version 1 did, not as the document (version 2) says. */
    private static boolean asksForVersion1(FilterableRequestSpecification request) {
        String version = request.getHeaders().getValue("API-Version");
        return version != null && version.strip().matches("1(\\.\\d+){0,2}");
    }

    private static String body(FilterableRequestSpecification request) {
        Object body = request.getBody();
        if (body == null || body instanceof String) {
            return (String) body;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The gateway's aggregated document (/openapi) where there is one, else the service's own (/q/openapi). */
    private static OpenApiContract load(String base) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String path : List.of("/openapi", "/q/openapi?format=json")) {
                HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() == 200) {
                    return OpenApiContract.parse(document.body());
                }
            }
            throw new IllegalStateException("No OpenAPI document at " + base + "/openapi or /q/openapi");
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document at " + base + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
