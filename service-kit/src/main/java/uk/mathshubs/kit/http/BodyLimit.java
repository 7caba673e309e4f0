package uk.mathshubs.kit.http;

import java.util.List;

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
 * The service's own limit on request bodies ({@code quarkus.http.limits.max-body-size}, 64K as at the gateway), so
 * that a caller who reaches a service without the gateway meets the same limit, told as a 413 problem: Quarkus' own
 * check answers with an empty body. A declared length over the limit is refused before the body is read; a body sent
 * in chunks is refused when it passes the limit.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::checkDeclaredLength)
                .failureHandler(this::tooLarge);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.strip().chars().allMatch(Character::isDigit) && declared.strip().length() < 19
                && Long.parseLong(declared.strip()) > limit) {
            refuse(ctx);
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx);
        } else {
            ctx.next();
        }
    }

    private void refuse(RoutingContext ctx) {
        String message = "the body is larger than the " + limit / 1024 + " KiB this API accepts";
        Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", 413, message,
                ctx.request().path(), List.of(new Problem.FieldError("body", message)));
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
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end(body);
    }
}
