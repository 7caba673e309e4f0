package uk.mathshubs.console.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** The last augmentor: remembers the identity quarkus-oidc built from a session's tokens, as the others left it. */
@ApplicationScoped
@Unremovable // found by type through the security extension's Instance, which ArC does not count as a use
public class RememberCheckedSessions implements SecurityIdentityAugmentor {

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (routing != null && routing.get(RememberingTokenStateManager.SESSION) instanceof CheckedSessions.Session session) {
            session.verified(routing.get(AuthorizationCodeTokens.class.getName()), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
