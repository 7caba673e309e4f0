package uk.mathshubs.kit.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import uk.mathshubs.kit.http.RateLimits;

/**
 * A token that is sent is checked, even where no token is needed: a bad token on a public endpoint is a 401 here,
 * as at the gateway, not silently read as an anonymous call. (Authentication is otherwise lazy in the services: it
 * runs when an endpoint asks who is calling.)
 */
public class PresentedTokens {

    private final CurrentIdentityAssociation identities;
    private final RateLimits limits;

    public PresentedTokens(CurrentIdentityAssociation identities, RateLimits limits) {
        this.identities = identities;
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> checkAnyBearerToken(HttpHeaders headers, HttpServerRequest request) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        // Fails with the authentication failure when the token is not valid, and the problem mappers answer 401;
        // but a refused token counts against its address first, and past the allowance the answer is a 429.
        return identities.getDeferredIdentity().replaceWith((Response) null)
                .onFailure().recoverWithUni(failure -> limits.admitRefused(request)
                        .map(tooMany -> Uni.createFrom().item(tooMany))
                        .orElseGet(() -> Uni.createFrom().failure(failure)));
    }
}
