package uk.mathshubs.kit.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.kit.problem.Problem;

/**
 * The service's own limits on what it reads, told as problems: a body over {@code kit.request-limits.body} (64K, as
 * at the gateway) is a 413, an address over 8192 characters a 414, headers over 16 KiB together a 431. Quarkus' own
 * checks answer these with empty bodies, so its limits are set above these ones ({@code quarkus.http.limits.*}) and
 * the refusal is made here; a caller who reaches a service without the gateway meets the gateway's limits all the
 * same. Bulk imports ({@code kit.request-limits.bulk-paths}: a GIAS extract runs to megabytes) may send up to
 * {@code quarkus.http.limits.max-body-size}. A body's declared length is checked before it is read; one sent in
 * chunks without a length is held to {@code quarkus.http.limits.max-body-size} by Quarkus, and told here as a 413
 * problem too.
 */
@ApplicationScoped
public class RequestLimits {

    public static final int MAX_URI_LENGTH = 8192;
    public static final int MAX_HEADERS_SIZE = 16 * 1024;

    private final long limit;
    private final long bulkLimit;
    private final Set<String> bulkPaths;
    private final ObjectMapper json;

    public RequestLimits(@ConfigProperty(name = "kit.request-limits.body", defaultValue = "64K") MemorySize limit,
            @ConfigProperty(name = "kit.request-limits.bulk-paths") Optional<List<String>> bulkPaths,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize hardLimit, ObjectMapper json) {
        this.limit = Math.min(limit.asLongValue(), hardLimit.asLongValue());
        this.bulkLimit = hardLimit.asLongValue();
        this.bulkPaths = Set.copyOf(bulkPaths.orElse(List.of()));
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::withinLimits)
                .failureHandler(this::tooLarge);
    }

    private void withinLimits(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            send(ctx, 414, "uri-too-long", "URI too long", "the address is longer than " + MAX_URI_LENGTH + " characters", "uri");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS_SIZE) {
            send(ctx, 431, "headers-too-large", "Request header fields too large",
                    "the headers are larger than " + MAX_HEADERS_SIZE / 1024 + " KiB together", "headers");
            return;
        }
        checkDeclaredLength(ctx);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long allowed = limitFor(ctx);
        if (declared != null && declared.strip().chars().allMatch(Character::isDigit) && declared.strip().length() < 19
                && Long.parseLong(declared.strip()) > allowed) {
            refuse(ctx, allowed);
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx, limitFor(ctx));
        } else {
            ctx.next();
        }
    }

    /** What a body to this address may weigh: the bulk imports' allowance, or the usual one. */
    public long limitFor(RoutingContext ctx) {
        return isBulk(ctx) ? bulkLimit : limit;
    }

    /** Whether this is a bulk import's address ({@code kit.request-limits.bulk-paths}). */
    public boolean isBulk(RoutingContext ctx) {
        return bulkPaths.contains(ctx.request().path());
    }

    private void refuse(RoutingContext ctx, long allowed) {
        send(ctx, 413, "payload-too-large", "Payload too large", "the body is larger than the " + allowed / 1024
                + " KiB this API accepts here", "body");
    }

    private void send(RoutingContext ctx, int status, String slug, String title, String message, String field) {
        String path = ctx.request().path();
        Problem problem = new Problem(Problem.type(slug), title, status, message,
                path == null || path.length() > 200 ? null : path, List.of(new Problem.FieldError(field, message)));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of an oversized body is not wanted: the connection closes, but only once the caller has stopped
        // sending, as closing with its body unread resets the connection and the caller may lose the answer with it.
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            ctx.response().endHandler(sent -> request.connection().close());
        } else {
            request.handler(ignored -> {
            });
            request.endHandler(ended -> request.connection().close());
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end(body);
    }
}
