package uk.mathshubs.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    @Test
    void aHubAdminActsForTheHubTheirTokenNamesAndNoOther() {
        Caller caller = callerWith(Caller.HUB_ADMIN, "hub", "CENTRAL");

        assertThat(caller.hub()).contains("CENTRAL");
        assertThat(caller.actsFor("CENTRAL")).isTrue();
        assertThat(caller.actsFor("SHAW")).isFalse();
        assertThat(caller.trust()).isEmpty();
    }

    @Test
    void aTrustLeadSeesTheTrustTheirTokenNames() {
        Caller caller = callerWith(Caller.TRUST_LEAD, "trust", "TR01234");

        assertThat(caller.trust()).contains("TR01234");
        assertThat(caller.leadsTrust("TR01234")).isTrue();
        assertThat(caller.leadsTrust("TR99999")).isFalse();
        assertThat(caller.hub()).isEmpty();
    }

    @Test
    void aTokenWithoutTheClaimNamesNoHubAndAnAnonymousCallerNone() {
        assertThat(callerWith(Caller.HUB_ADMIN, "other", "x").hub()).isEmpty();
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertThat(new Caller(anonymous, null).hub()).isEmpty();
    }

    private static Caller callerWith(String role, String claim, String value) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        claims.setClaim(claim, value);
        claims.setClaim("raw_token", "a.signed.token");
        OidcJwtCallerPrincipal token = new OidcJwtCallerPrincipal(claims, new AccessTokenCredential("a.signed.token"));
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build();
        return new Caller(identity, token);
    }
}
