package uk.mathshubs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-07T09:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final VerifiedTokens tokens = new VerifiedTokens(true, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC),
            nanos::get);

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() {
        SecurityIdentity identity = identity("token-a", NOW.plusSeconds(60));
        tokens.remember(identity);

        assertThat(tokens.find("token-a")).containsSame(identity);
        later(Duration.ofSeconds(59));
        assertThat(tokens.find("token-a")).isPresent();
        later(Duration.ofSeconds(1));
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsTakenOnTrustForTheMaximumAgeOnly() {
        tokens.remember(identity("token-b", NOW.plus(Duration.ofHours(10))));

        later(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(tokens.find("token-b")).isPresent();
        later(Duration.ofSeconds(1));
        assertThat(tokens.find("token-b")).isEmpty();
    }

    @Test
    void onlyTheExactTokenIsFound() {
        tokens.remember(identity("header.payload.signature", NOW.plusSeconds(60)));

        assertThat(tokens.find("header.payload.signaturX")).isEmpty();
        assertThat(tokens.find("header.payload.signature")).isPresent();
        assertThat(tokens.stats().hitCount()).isEqualTo(1);
        assertThat(tokens.stats().missCount()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenAnAnonymousCallerAndAnIdentityWithoutAJwtAreNotRemembered() {
        tokens.remember(identity("expired", NOW.minusSeconds(1)));
        tokens.remember(identity("expiring-now", NOW));
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone")
                .addCredential(new TokenCredential("opaque", "bearer")).build());

        assertThat(tokens.find("expired")).isEmpty();
        assertThat(tokens.find("expiring-now")).isEmpty();
        assertThat(tokens.find("opaque")).isEmpty();
    }

    @Test
    void switchedOffNothingIsRemembered() {
        VerifiedTokens off = new VerifiedTokens(false, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
        off.remember(identity("token-c", NOW.plusSeconds(60)));

        assertThat(off.find("token-c")).isEmpty();
    }

    private void later(Duration duration) {
        nanos.addAndGet(TimeUnit.NANOSECONDS.convert(duration));
    }

    private static SecurityIdentity identity(String token, Instant expiresAt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(token, expiresAt))
                .addCredential(new TokenCredential(token, "bearer"))
                .addRole("hub-website")
                .build();
    }

    /** A verified token's principal as the OIDC extension gives it: its claims, here just the expiry. */
    private record Jwt(String raw, Instant expiresAt) implements JsonWebToken {

        @Override
        public String getName() {
            return "website";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "raw_token");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.<String, Object>of("exp", expiresAt.getEpochSecond(), "raw_token", raw).get(claimName);
        }
    }
}
