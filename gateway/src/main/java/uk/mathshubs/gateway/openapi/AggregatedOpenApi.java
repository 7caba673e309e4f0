package uk.mathshubs.gateway.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.gateway.problem.Problems;
import uk.mathshubs.gateway.proxy.UpstreamClient;
import uk.mathshubs.gateway.routing.Upstream;

/**
 * The whole API's OpenAPI document at {@code /openapi} (and in the gateway's Swagger UI), put together from the
 * services' own documents when asked and kept for a minute. A service that does not answer is left out and named.
 */
@ApplicationScoped
public class AggregatedOpenApi {

    private static final Logger LOG = Logger.getLogger(AggregatedOpenApi.class);
    private static final Duration KEEP = Duration.ofMinutes(1);

    private final UpstreamClient upstreams;
    private final ObjectMapper json;
    private final Problems problems;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public AggregatedOpenApi(UpstreamClient upstreams, ObjectMapper json, Problems problems) {
        this.upstreams = upstreams;
        this.json = json;
        this.problems = problems;
    }

    private record Cached(ObjectNode document, long madeAt, boolean complete) {
    }

    private static final String CHANGELOG = changelog();

    private static String changelog() {
        try (var in = AggregatedOpenApi.class.getResourceAsStream("/API-CHANGELOG.md")) {
            return in == null ? "# API change log\n\nSee API-CHANGELOG.md in the repository.\n"
                    : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void register(@Observes Router router) {
        router.get("/openapi").handler(this::serve);
        // What changed in the API, newest first: the page every Deprecation answer links to (rel="deprecation").
        router.get("/changelog").handler(ctx -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
                .putHeader("Cache-Control", "max-age=3600").end(CHANGELOG));
    }

    private void serve(RoutingContext ctx) {
        Cached current = cached.get();
        if (current != null && current.complete() && System.nanoTime() - current.madeAt() < KEEP.toNanos()) {
            send(ctx, current.document());
            return;
        }
        Map<Upstream, Future<JsonNode>> fetches = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            if (upstream.servesApi()) {
                fetches.put(upstream, fetch(upstream));
            }
        }
        Future.join(new ArrayList<>(fetches.values())).onComplete(done -> {
            Map<Upstream, JsonNode> documents = new EnumMap<>(Upstream.class);
            List<String> missing = new ArrayList<>();
            fetches.forEach((upstream, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(upstream, fetch.result());
                } else {
                    LOG.warnf("OpenAPI of the %s service left out: %s", upstream.serviceName(), fetch.cause().toString());
                    missing.add(upstream.serviceName());
                }
            });
            if (documents.isEmpty()) {
                problems.serviceUnavailable(ctx, "every");
                return;
            }
            ObjectNode document = ApiDocuments.merge(json, documents, missing);
            cached.set(new Cached(document, System.nanoTime(), missing.isEmpty()));
            send(ctx, document);
        });
    }

    private Future<JsonNode> fetch(Upstream upstream) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.ACCEPT, "application/json");
        return upstreams.open(upstream, HttpMethod.GET, "/q/openapi?format=json", headers, upstreams.timeoutMillis())
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(this::read);
    }

    private JsonNode read(Buffer body) {
        try {
            return json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not an OpenAPI document: " + e.getMessage(), e);
        }
    }

    /**
     * The document with the address it was asked at as its server (the public address: behind the ingress, the
     * one X-Forwarded-Host and -Proto state), so that a client generated from it calls the gateway it came from.
     */
    private void send(RoutingContext ctx, ObjectNode merged) {
        ObjectNode document = merged.deepCopy();
        var authority = ctx.request().authority();
        String base = ctx.request().scheme() + "://" + (authority == null ? "localhost"
                : authority.host() + (authority.port() > 0 ? ":" + authority.port() : ""));
        document.putArray("servers").addObject().put("url", base).put("description", "This gateway");
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    // Private: the server it names is the host it was asked at, which a shared cache would not tell apart.
                    .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
                    .end(json.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
