package uk.mathshubs.testsupport;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens shaped like the platform's Keycloak tokens (roles in {@code realm_access.roles}, the
 * {@code hub} claim, audience {@code maths-hubs-api}), signed with the key of the OIDC test server
 * ({@code OidcWiremockTestResource}), so services validate them exactly as they validate real ones.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "maths-hubs-api";

    private TestTokens() {
    }

    public static String programmeAdmin() {
        return token("ncetm.admin", "programme-admin", null);
    }

    public static String hubAdmin(String hub) {
        return token(hub.toLowerCase() + ".admin", "hub-admin", hub);
    }

    public static String hubWebsite(String hub) {
        return token("service-account-hub-website-" + hub.toLowerCase(), "hub-website", hub);
    }

    public static String ncetmIntegration() {
        return token("service-account-ncetm-integration", "ncetm-integration", null);
    }

    /** A multi-academy trust's lead, for the trust with this GIAS reference (the {@code trust} claim). */
    public static String trustLead(String trust) {
        Builder builder = claims("trust" + trust + ".lead", Set.of("trust-lead"), null);
        builder.claims().claim("trust", trust);
        return builder.sign();
    }

    public static String token(String user, String role, String hub) {
        return claims(user, Set.of(role), hub).sign();
    }

    /** The claims of a valid token, for tests that spoil one of them (expiry, audience, issuer). */
    public static Builder claims(String user, Set<String> roles, String hub) {
        // Keycloak names the client a token was issued to in azp: a service account's own, or the sign-in client.
        String client = user.startsWith("service-account-") ? user.substring("service-account-".length()) : "maths-hubs-cli";
        JwtClaimsBuilder claims = Jwt.preferredUserName(user)
                .subject(user)
                .claim("azp", client)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now())
                .expiresIn(600);
        if (hub != null) {
            claims.claim("hub", hub);
        }
        return new Builder(claims);
    }

    public record Builder(JwtClaimsBuilder claims) {

        public String sign() {
            return claims.jws().keyId("1").sign("privateKey.jwk");
        }
    }
}
