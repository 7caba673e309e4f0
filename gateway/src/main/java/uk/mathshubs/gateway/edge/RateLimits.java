package uk.mathshubs.gateway.edge;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.problem.Problems;
import uk.mathshubs.security.RateLimiter;
import uk.mathshubs.security.RequestNames;

/**
 * Rate limits at the front door: callers with a token by the client they are (the token's {@code azp}, so every
 * user of one website counts against that website), anonymous callers and those whose token was refused by address.
 * Over the limit: 429 with Retry-After, before any service is asked.
 */
@ApplicationScoped
public class RateLimits {

    /** Refusals counted per client (the token's azp; anonymous and refused callers together), for ops. */
    static final String REFUSED = "mathshubs.requests.rate.limited";
    private static final String ANONYMOUS = "anonymous";

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final GatewayConfig.RateLimitsConfig config;
    private final Problems problems;
    private final MeterRegistry metrics;

    public RateLimits(GatewayConfig config, Problems problems, MeterRegistry metrics) {
        this.config = config.rateLimits();
        this.problems = problems;
        this.metrics = metrics;
        metrics.counter(REFUSED, "client", ANONYMOUS); // the series exists, at 0, before the first refusal
    }

    public void check(RoutingContext ctx) {
        if (!config.enabled()) {
            ctx.next();
            return;
        }
        Optional<JsonWebToken> token = token(ctx);
        RateLimiter.Policy policy = token.map(RateLimits::client)
                .map(id -> Optional.ofNullable(config.clients().get(id)).orElse(config.perClient()))
                .map(GatewayConfig.Limit::policy)
                .orElseGet(() -> config.anonymousPerAddress().policy());
        // Counted per client and per whom its token was issued for: every member of staff signs in through one client.
        String key = token.map(t -> "client:" + client(t) + ":" + t.getSubject()).orElseGet(() -> byAddress(ctx));
        if (admitted(ctx, key, policy, token.map(RequestNames::client).orElse(ANONYMOUS))) {
            ctx.next();
        }
    }

    /**
     * A request whose credentials were refused counts against its address, as one without any does: otherwise a
     * forged or expired token would be a way to call without limit. True when within the limit (the caller then hears
     * its 401); otherwise the 429 has been sent.
     */
    public boolean admitRefused(RoutingContext ctx) {
        return !config.enabled() || admitted(ctx, byAddress(ctx), config.anonymousPerAddress().policy(), ANONYMOUS);
    }

    private boolean admitted(RoutingContext ctx, String key, RateLimiter.Policy policy, String client) {
        RateLimiter.Decision decision = limiter.acquire(key, policy);
        ctx.response().putHeader("RateLimit-Limit", String.valueOf(policy.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (!decision.allowed()) {
            metrics.counter(REFUSED, "client", client).increment();
            problems.tooManyRequests(ctx, decision.retryAfterSeconds(), policy);
        }
        return decision.allowed();
    }

    private static String byAddress(RoutingContext ctx) {
        return "address:" + ctx.request().remoteAddress().hostAddress();
    }

    /** The verified token; empty for anonymous callers. */
    static Optional<JsonWebToken> token(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return Optional.empty();
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** The client the token was issued to (its subject where it names none). */
    private static String client(JsonWebToken token) {
        return Optional.ofNullable(token.<String>getClaim("azp")).orElseGet(token::getSubject);
    }
}
