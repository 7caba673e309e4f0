package uk.mathshubs.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens already verified, each remembered with the identity it gave until the token expires (and at most
 * {@link VerifiedTokensConfig#maxAge()}). A hub website sends one token with thousands of requests a minute; parsing its
 * JSON and checking its RSA signature again for each was half of the gateway's CPU and a tenth of a service's. Quarkus
 * OIDC keeps introspection and UserInfo answers, not the outcome of verifying a JWT locally; hence this.
 * <p>
 * Only the exact token string the OIDC extension accepted is remembered, with its expiry: another token, a tampered
 * one, an expired one, goes to the OIDC extension as before. Nothing is lost that local verification had: it never
 * learnt of revocation either.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final Cache<String, Verified> verified;
    private final boolean enabled;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    public VerifiedTokens(VerifiedTokensConfig config) {
        this(config.enabled(), config.maxSize(), config.maxAge(), Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With a clock for the tokens' expiry and a ticker for the cache's, both set by tests. */
    VerifiedTokens(boolean enabled, long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, Verified>creating((token, entry) -> entry.lifetime()))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    /** The identity this exact token gave when it was verified, while it is still valid. */
    public Optional<SecurityIdentity> find(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        Verified entry = verified.getIfPresent(token);
        return entry == null ? Optional.empty() : Optional.of(entry.identity());
    }

    /** Remembers an identity the OIDC extension built from a bearer token, if it is one, until that token expires. */
    public void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || credential.getToken() == null || jwt.getExpirationTime() <= 0) {
            return;
        }
        Duration untilExpiry = Duration.between(clock.instant(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        if (untilExpiry.isNegative() || untilExpiry.isZero()) {
            return;
        }
        Duration lifetime = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        verified.asMap().putIfAbsent(credential.getToken(), new Verified(identity, lifetime));
    }

    /** How often a token was found already verified, for the tests and the curious. */
    public CacheStats stats() {
        return verified.stats();
    }

    private record Verified(SecurityIdentity identity, Duration lifetime) {
    }
}
