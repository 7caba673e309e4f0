package uk.mathshubs.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before the OIDC extension's provider: a bearer token verified earlier gives its identity again, with this
 * request's own routing context; any other token is left (a null item) to the OIDC extension.
 */
@ApplicationScoped
@Unremovable // found by type through the security extension's Instance, which ArC does not count as a use
public class RememberedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public RememberedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE; // asked first: the OIDC extension's provider has 1001
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.find(request.getToken().getToken())
                .map(known -> Uni.createFrom().item(forThisRequest(known, request)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The attributes the OIDC extension sets from the request it verified are this request's, not that one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity known, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return known;
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), routing);
        Object blocking = routing.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return identity.build();
    }
}
