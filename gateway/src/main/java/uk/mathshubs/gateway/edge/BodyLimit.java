package uk.mathshubs.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.problem.Problems;

/** Refuses bodies over gateway.max-body-size with a 413 problem, whether their length is declared or not. */
@ApplicationScoped
public class BodyLimit {

    private final Problems problems;
    private final long limit;

    public BodyLimit(Problems problems, GatewayConfig config) {
        this.problems = problems;
        this.limit = config.maxBodySize().asLongValue();
    }

    /** Runs just before Quarkus' own check of quarkus.http.limits.max-body-size, which answers with no body. */
    void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parse(declared) > limit) {
            refuse(ctx);
            return;
        }
        ctx.next();
    }

    public void refuse(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        // Close only once the caller has stopped sending: closing with its body unread resets the connection,
        // and the caller's side may throw the 413 away with it.
        if (request.isEnded() || "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().endHandler(sent -> request.connection().close());
        } else {
            request.handler(ignored -> {
            });
            request.endHandler(ended -> request.connection().close());
        }
        problems.payloadTooLarge(ctx, limit);
    }

    private static long parse(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            // Not ours to judge: Vert.x has already rejected a malformed Content-Length.
            return 0;
        }
    }
}
