package uk.mathshubs.gateway.problem;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.security.RateLimiter;

/** The errors the gateway answers itself, as problem+json. */
@ApplicationScoped
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public void notFound(RoutingContext ctx) {
        send(ctx, Problem.of("not-found", "Not found", 404, "There is no resource at this address", instance(ctx)));
    }

    public void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        send(ctx, Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required", instance(ctx)));
    }

    public void payloadTooLarge(RoutingContext ctx, long limit) {
        send(ctx, Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is larger than " + limit + " bytes", instance(ctx)));
    }

    public void tooManyRequests(RoutingContext ctx, long retryAfterSeconds, RateLimiter.Policy policy) {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        send(ctx, Problem.of("too-many-requests", "Too many requests", 429, policy.refusal(retryAfterSeconds), instance(ctx)));
    }

    public void serviceUnavailable(RoutingContext ctx, String serviceName) {
        send(ctx, Problem.of("service-unavailable", "Service unavailable", 503,
                "The " + serviceName + " service is not answering", instance(ctx)));
    }

    public void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Part of another answer is already on its way: breaking the connection is the only honest signal left.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(write(problem));
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail could not be written", e);
        }
    }

    private static String instance(RoutingContext ctx) {
        return ctx.request().path();
    }
}
