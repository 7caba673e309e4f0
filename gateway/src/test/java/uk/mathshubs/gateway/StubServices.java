package uk.mathshubs.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The four services as echo servers: each answers with what it received (service, method, path, query, headers,
 * body), so a test sees exactly what the gateway sent. Request headers {@code X-Stub-Status} pick the status and
 * {@code X-Stub-Chunked} a chunked answer.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("catalogue", "applications", "scheduling", "webhooks")) {
            String url = echo(service);
            config.put("gateway." + service + "-url", url);
            // The stub answers its health on the same port; a real service answers it on its management interface.
            config.put("gateway." + service + "-health-url", url + "/q/health/live");
        }
        return config;
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }

    private String echo(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("The stub " + service + " service could not start", e);
        }
    }

    /**
     * A small OpenAPI document per service: its own path, a path another service owns (which the gateway must leave
     * out), a schema every service shares and one whose name they use for different things.
     */
    private static void openApi(String service, HttpExchange exchange) throws IOException {
        String document = """
                {"openapi": "3.1.0", "info": {"title": "%1$s", "version": "1"},
                 "tags": [{"name": "%1$s"}],
                 "paths": {
                   "/api/v1/%2$s": {"get": {"tags": ["%1$s"], "responses": {"200": {"content": {"application/json":
                       {"schema": {"$ref": "#/components/schemas/View"}}}}}}},
                   "/api/v1/%3$s": {"get": {"summary": "not %1$s's to document"}}},
                 "components": {"schemas": {
                   "Problem": {"type": "object"},
                   "View": {"type": "object", "description": "%1$s's view"}}}}""".formatted(service, OWN_PATH.get(service),
                OWN_PATH.get(service.equals("catalogue") ? "scheduling" : "catalogue"));
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static final Map<String, String> OWN_PATH = Map.of("catalogue", "programmes",
            "applications", "applications/{reference}", "scheduling", "sessions/{id}", "webhooks", "webhooks/{id}");

    private static void answer(String service, HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
            openApi(service, exchange);
            return;
        }
        byte[] received;
        try (InputStream in = exchange.getRequestBody()) {
            received = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", service);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("headers", headers);
        echo.put("body", new String(received, StandardCharsets.UTF_8));
        echo.put("bodyLength", received.length);
        byte[] answer = new ObjectMapper().writeValueAsBytes(echo);

        String status = exchange.getRequestHeaders().getFirst("X-Stub-Status");
        int code = status == null ? 200 : Integer.parseInt(status);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Served-By", service);
        exchange.getResponseHeaders().add("Location", "/api/v1/from-" + service);
        // Headers the gateway must not pass back: the hop's own, and CORS, which the gateway owns.
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=stub");
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        // Length 0 means chunked: an answer whose size the gateway cannot know in advance.
        boolean chunked = exchange.getRequestHeaders().containsKey("X-Stub-Chunked");
        exchange.sendResponseHeaders(code, chunked ? 0 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
