package uk.mathshubs.console.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.DefaultTokenStateManager;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * quarkus-oidc's own session cookie (its tokens encrypted in it, nothing kept on the server but this memory), decrypted
 * once per cookie value rather than on every page. The session found is left on the request for
 * {@link RememberedSessionIdentityProvider}.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class RememberingTokenStateManager extends DefaultTokenStateManager {

    static final String SESSION = CheckedSessions.Session.class.getName();

    private final CheckedSessions sessions;

    public RememberingTokenStateManager(CheckedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routing, OidcTenantConfig config, String cookie,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        var known = sessions.find(cookie);
        if (known.isPresent()) {
            routing.put(SESSION, known.get());
            return Uni.createFrom().item(known.get().tokens());
        }
        return super.getTokens(routing, config, cookie, requestContext)
                .invoke(tokens -> routing.put(SESSION, sessions.remember(cookie, tokens)));
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routing, OidcTenantConfig config, String cookie,
            OidcRequestContext<Void> requestContext) {
        sessions.forget(cookie);
        return super.deleteTokens(routing, config, cookie, requestContext);
    }
}
