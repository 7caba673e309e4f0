package uk.mathshubs.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class ViewerTest {

    @Test
    void theIdTokensClaimsSayWhoIsSignedInAndForWhichHub() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        claims.setClaim("name", "Central Hub Admin");
        claims.setClaim("hub", "CENTRAL");
        claims.setClaim("sid", "keycloak-session");
        Viewer viewer = new Viewer(QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, new IdTokenCredential("an.id.token")))
                .addRole(Viewer.HUB_ADMIN).build());

        assertThat(viewer.name()).isEqualTo("Central Hub Admin");
        assertThat(viewer.hub()).contains("CENTRAL");
        assertThat(viewer.session()).contains("keycloak-session");
        assertThat(viewer.trust()).isEmpty();
        assertThat(viewer.actsFor("CENTRAL")).isTrue();
        assertThat(viewer.actsFor("SHAW")).isFalse();
    }

    @Test
    void withoutAnOidcPrincipalNoClaimIsInvented() {
        Viewer viewer = new Viewer(QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertThat(viewer.signedIn()).isFalse();
        assertThat(viewer.hub()).isEmpty();
        assertThat(viewer.session()).isEmpty();
    }
}
