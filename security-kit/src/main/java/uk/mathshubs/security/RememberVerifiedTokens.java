package uk.mathshubs.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** The last augmentor: remembers each identity built from a verified bearer token, as the others left it. */
@ApplicationScoped
@Unremovable // found by type through the security extension's Instance, which ArC does not count as a use
public class RememberVerifiedTokens implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public RememberVerifiedTokens(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        tokens.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
