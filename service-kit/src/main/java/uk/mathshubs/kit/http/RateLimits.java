package uk.mathshubs.kit.http;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import uk.mathshubs.kit.problem.Problem;
import uk.mathshubs.security.RateLimiter;
import uk.mathshubs.security.RequestNames;

/**
 * The service's own rate limit, behind the gateway's: a caller who reaches a service some other way (on the machine,
 * or from inside the cluster) is held to one too. Callers with a token are counted by the client it was issued to,
 * anonymous ones by their address: the caller's own as the gateway states it in X-Forwarded-For, believed from the
 * gateway only ({@code quarkus.http.proxy.trusted-proxies}). A token that is refused counts against its address
 * ({@link #admitRefused}), so forged tokens are no way round the limit. Over the limit: 429 problem+json with
 * {@code Retry-After}, as at the gateway.
 */
@Singleton
public class RateLimits {

    /** Refusals counted per client (the token's azp; anonymous callers together), for ops. */
    static final String REFUSED = "mathshubs.requests.rate.limited";
    private static final String ANONYMOUS = "anonymous";

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final RateLimitsConfig config;
    private final CurrentIdentityAssociation identities;
    private final MeterRegistry metrics;

    public RateLimits(RateLimitsConfig config, CurrentIdentityAssociation identities, MeterRegistry metrics) {
        this.config = config;
        this.identities = identities;
        this.metrics = metrics;
        metrics.counter(REFUSED, "client", ANONYMOUS); // the series exists, at 0, before the first refusal
    }

    /** Counts the request against its caller: empty when within the allowance, else the 429 to answer. */
    public Uni<Optional<Response>> admit(HttpServerRequest request) {
        if (!config.enabled()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return identities.getDeferredIdentity().map(identity -> {
            Optional<String> client = client(identity);
            RateLimiter.Policy policy = client.isPresent() ? config.perClient() : config.anonymousPerAddress();
            String key = client.map(id -> "client:" + id).orElseGet(() -> byAddress(request));
            return Optional.ofNullable(refusal(limiter.acquire(key, policy), policy, request, clientName(identity)));
        });
    }

    /** For a request whose token was refused: empty when within the address's allowance (it then hears its 401). */
    public Optional<Response> admitRefused(HttpServerRequest request) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(refusal(limiter.acquire(byAddress(request), config.anonymousPerAddress()),
                config.anonymousPerAddress(), request, ANONYMOUS));
    }

    private Response refusal(RateLimiter.Decision decision, RateLimiter.Policy policy, HttpServerRequest request, String client) {
        if (decision.allowed()) {
            return null;
        }
        metrics.counter(REFUSED, "client", client).increment();
        long seconds = decision.retryAfterSeconds();
        String path = request.path();
        Problem problem = new Problem(Problem.type("too-many-requests"), "Too many requests", 429, policy.refusal(seconds),
                path == null || path.length() > 200 ? null : path, List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds).entity(problem).build();
    }

    private static String byAddress(HttpServerRequest request) {
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    /** The client alone (a few websites and integrations), never the user: a label with few values. */
    private static String clientName(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return ANONYMOUS;
        }
        return RequestNames.client(token);
    }

    /** The client the token was issued to and whom for: staff all sign in through one client, each is counted alone. */
    private static Optional<String> client(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return Optional.of(token.<String>getClaim("azp") + ":" + token.getSubject());
    }
}
