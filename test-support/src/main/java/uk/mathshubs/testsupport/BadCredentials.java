package uk.mathshubs.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Authorization headers that must be refused with 401, at the gateway and again in each service. */
public final class BadCredentials {

    private BadCredentials() {
    }

    /** What each is, and the Authorization header value. */
    public static Map<String, String> all() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("an expired token", "Bearer " + spoiled(claims -> claims
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))));
        bad.put("a token for another audience", "Bearer " + spoiled(claims -> claims.audience("another-api")));
        bad.put("a token from another issuer", "Bearer " + spoiled(claims -> claims.issuer("https://elsewhere.example.com")));
        bad.put("a token signed with an unknown key", "Bearer " + signedWithAnotherKey());
        bad.put("an unsigned token (alg none)", "Bearer " + unsigned());
        bad.put("a token whose payload was changed after signing", "Bearer " + tampered());
        bad.put("something that is not a token", "Bearer not-a-jwt");
        return bad;
    }

    private static String spoiled(Consumer<JwtClaimsBuilder> spoil) {
        TestTokens.Builder token = TestTokens.claims("central.admin", Set.of("hub-admin"), "CENTRAL");
        spoil.accept(token.claims());
        return token.sign();
    }

    private static String signedWithAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return TestTokens.claims("central.admin", Set.of("hub-admin"), "CENTRAL").claims()
                    .jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token's claims under {"alg":"none"} and no signature: a server that trusts the header would accept it. */
    private static String unsigned() {
        String[] parts = TestTokens.programmeAdmin().split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** A hub admin's signed token with the roles in its payload swapped for programme-admin. */
    private static String tampered() {
        String[] parts = TestTokens.hubAdmin("CENTRAL").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("hub-admin", "programme-admin");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
