package uk.mathshubs.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import uk.mathshubs.console.config.ConsoleConfig;

/**
 * Sessions already checked, by the exact value of their session cookie: the tokens the cookie holds and the identity
 * their ID token gave. Every page used to decrypt the cookie, parse the ID token and check its RSA signature again: a
 * tenth of a page's time, for the same answer as the page before.
 * <p>
 * An identity is given again only for the very tokens it was built from and only until its ID token expires, so what
 * quarkus-oidc decides on its own still happens: a session near its expiry is refreshed (new tokens, a new cookie, a
 * new entry), an expired one goes back to Keycloak, a cookie never seen, altered or signed out is checked in full. A
 * session signed out elsewhere is no different from before: the ID token is checked locally, so it was valid until it
 * expired then as now.
 */
@ApplicationScoped
public class CheckedSessions {

    private final Cache<String, Session> sessions;
    private final Clock clock;

    @Inject
    public CheckedSessions(ConsoleConfig config) {
        this(config.checkedSessions().maxSize(), config.checkedSessions().maxAge(), Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With a clock for the tokens' expiry and a ticker for the memory's, both set by tests. */
    CheckedSessions(long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.clock = clock;
        this.sessions = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(maxAge).ticker(ticker).build();
    }

    /** The session this cookie value was found to hold before, if it is still remembered. */
    public Optional<Session> find(String cookie) {
        return Optional.ofNullable(sessions.getIfPresent(cookie));
    }

    /** Remembers the tokens a cookie value was decrypted to; the identity follows once their ID token is verified. */
    public Session remember(String cookie, AuthorizationCodeTokens tokens) {
        Session session = new Session(tokens);
        sessions.put(cookie, session);
        return session;
    }

    /** A signed-out session's cookie is checked in full again, should it come back. */
    public void forget(String cookie) {
        sessions.invalidate(cookie);
    }

    /** The tokens of one session cookie and, once quarkus-oidc has verified them, the identity they gave. */
    public final class Session {

        private final AuthorizationCodeTokens tokens;
        private volatile SecurityIdentity identity;
        private volatile Instant expires;

        private Session(AuthorizationCodeTokens tokens) {
            this.tokens = tokens;
        }

        public AuthorizationCodeTokens tokens() {
            return tokens;
        }

        /**
         * The identity these tokens gave, for a request whose tokens these are (not the refreshed ones of a request
         * that has just renewed them) and whose ID token has not expired.
         */
        public Optional<SecurityIdentity> identityFor(AuthorizationCodeTokens requestTokens, IdTokenCredential idToken) {
            SecurityIdentity known = identity;
            if (known == null || requestTokens != tokens || !idToken.getToken().equals(tokens.getIdToken())
                    || !clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(known);
        }

        /** Remembers the identity quarkus-oidc built from exactly these tokens, if its ID token has an expiry. */
        public void verified(AuthorizationCodeTokens requestTokens, SecurityIdentity verified) {
            if (requestTokens != tokens || identity != null || verified.isAnonymous()
                    || !(verified.getPrincipal() instanceof JsonWebToken idToken) || idToken.getExpirationTime() <= 0
                    || !tokens.getIdToken().equals(idToken.getRawToken())) {
                return;
            }
            expires = Instant.ofEpochSecond(idToken.getExpirationTime());
            identity = verified;
        }
    }
}
