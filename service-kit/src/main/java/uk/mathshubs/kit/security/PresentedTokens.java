package uk.mathshubs.kit.security;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * A token that is sent is checked, even where no token is needed: a bad token on a public endpoint is a 401 here,
 * as at the gateway, not silently read as an anonymous call. (Authentication is otherwise lazy in the services: it
 * runs when an endpoint asks who is calling.)
 */
public class PresentedTokens {

    private final CurrentIdentityAssociation identities;

    public PresentedTokens(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> checkAnyBearerToken(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().voidItem();
        }
        // Fails with the authentication failure when the token is not valid; the problem mappers answer 401.
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
