package uk.mathshubs.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many verified bearer tokens are remembered, and for how long at most. */
@ConfigMapping(prefix = "security.verified-tokens")
public interface VerifiedTokensConfig {

    /** Off: every request's token is verified afresh by the OIDC extension. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Tokens remembered at once; the least recently used goes first. Each holds its parsed claims (a few KiB): 2000 is
     * every hub website and member of staff signed in at once, in a few MiB of heap.
     */
    @WithDefault("2000")
    long maxSize();

    /**
     * The longest a verified token is taken on trust, even if it expires later: bounds how long a signing key Keycloak
     * has withdrawn keeps being accepted.
     */
    @WithDefault("PT5M")
    Duration maxAge();
}
