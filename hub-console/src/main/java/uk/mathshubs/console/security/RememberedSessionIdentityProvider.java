package uk.mathshubs.console.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before quarkus-oidc's provider: the ID token of a session checked before gives its identity again, bound to this
 * request. Anything else (another token, refreshed tokens, an expired ID token) is left, as a null item, to quarkus-oidc.
 */
@ApplicationScoped
@Unremovable // found by type through the security extension's Instance, which ArC does not count as a use
public class RememberedSessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE; // asked first: quarkus-oidc's provider has 1001
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || !(request.getToken() instanceof IdTokenCredential idToken)
                || !(routing.get(RememberingTokenStateManager.SESSION) instanceof CheckedSessions.Session session)) {
            return Uni.createFrom().nullItem();
        }
        AuthorizationCodeTokens tokens = routing.get(AuthorizationCodeTokens.class.getName());
        return session.identityFor(tokens, idToken)
                .map(known -> Uni.createFrom().item(forThisRequest(known, routing)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The attributes quarkus-oidc sets from the request it verified are this request's, not that one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity known, RoutingContext routing) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), routing);
        Object blocking = routing.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return identity.build();
    }
}
