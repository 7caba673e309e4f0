package uk.mathshubs.kit.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Every request meets the service's own rate limit ({@link RateLimits}) before anything of it is read. */
public class RateLimitFilter {

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    /** After the presented token's check ({@code PresentedTokens}, at the default priority): the client is known. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    public Uni<Response> limit(HttpServerRequest request) {
        return limits.admit(request).map(refusal -> refusal.orElse(null));
    }
}
