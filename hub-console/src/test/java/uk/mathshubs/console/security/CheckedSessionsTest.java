package uk.mathshubs.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CheckedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final CheckedSessions sessions = new CheckedSessions(100, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

    @Test
    void aCookieSeenBeforeGivesItsTokensAndTheirIdentityWithoutCheckingThemAgain() throws Exception {
        AuthorizationCodeTokens tokens = tokens("id-1", "access-1");
        CheckedSessions.Session session = sessions.remember("cookie-1", tokens);
        SecurityIdentity verified = identity("id-1", NOW.plusSeconds(600));
        session.verified(tokens, verified);

        CheckedSessions.Session again = sessions.find("cookie-1").orElseThrow();

        assertThat(again.tokens()).isSameAs(tokens);
        assertThat(again.identityFor(tokens, new IdTokenCredential("id-1"))).containsSame(verified);
        assertThat(sessions.find("cookie-2")).isEmpty();
    }

    @Test
    void tokensJustRefreshedAreCheckedInFullEvenWithTheSameIdToken() throws Exception {
        // Keycloak may answer a refresh without a new ID token: quarkus-oidc keeps the old one with the new access token.
        AuthorizationCodeTokens tokens = tokens("id-1", "access-1");
        CheckedSessions.Session session = sessions.remember("cookie-1", tokens);
        session.verified(tokens, identity("id-1", NOW.plusSeconds(600)));

        assertThat(session.identityFor(tokens("id-1", "access-2"), new IdTokenCredential("id-1"))).isEmpty();
        assertThat(session.identityFor(tokens, new IdTokenCredential("id-2"))).isEmpty();
    }

    @Test
    void anIdentityIsNeverGivenOnceItsIdTokenHasExpired() throws Exception {
        AuthorizationCodeTokens tokens = tokens("id-1", "access-1");
        CheckedSessions.Session session = sessions.remember("cookie-1", tokens);
        session.verified(tokens, identity("id-1", NOW));

        assertThat(session.identityFor(tokens, new IdTokenCredential("id-1"))).isEmpty();
    }

    @Test
    void anIdentityOfOtherTokensIsNotRemembered() throws Exception {
        AuthorizationCodeTokens tokens = tokens("id-1", "access-1");
        CheckedSessions.Session session = sessions.remember("cookie-1", tokens);

        session.verified(tokens("id-2", "access-2"), identity("id-2", NOW.plusSeconds(600)));
        session.verified(tokens, identity("id-2", NOW.plusSeconds(600)));

        assertThat(session.identityFor(tokens, new IdTokenCredential("id-1"))).isEmpty();
    }

    @Test
    void aSignedOutCookieAndAnOldOneAreCheckedInFullAgain() throws Exception {
        sessions.remember("signed-out", tokens("id-1", "access-1"));
        sessions.remember("old", tokens("id-2", "access-2"));

        sessions.forget("signed-out");
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(5) + 1);

        assertThat(sessions.find("signed-out")).isEmpty();
        assertThat(sessions.find("old")).isEmpty();
    }

    private static AuthorizationCodeTokens tokens(String idToken, String accessToken) {
        return new AuthorizationCodeTokens(idToken, accessToken, "refresh");
    }

    private static SecurityIdentity identity(String idToken, Instant expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("central.admin");
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setClaim("raw_token", idToken);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, new IdTokenCredential(idToken)))
                .build();
    }
}
