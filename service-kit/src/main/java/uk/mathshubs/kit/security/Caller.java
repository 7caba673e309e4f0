package uk.mathshubs.kit.security;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, in the platform's terms: their roles and, for hub staff and hub websites, the Maths Hub
 * they act for (the {@code hub} claim Keycloak puts in their token); for a trust lead, their multi-academy trust
 * (the {@code trust} claim). Object-level checks use this.
 */
@RequestScoped
public class Caller {

    public static final String PROGRAMME_ADMIN = "programme-admin";
    public static final String HUB_ADMIN = "hub-admin";
    public static final String HUB_WEBSITE = "hub-website";
    public static final String NCETM_INTEGRATION = "ncetm-integration";
    public static final String TRUST_LEAD = "trust-lead";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Map<String, Object> claims;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isProgrammeAdmin() {
        return identity.hasRole(PROGRAMME_ADMIN);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The hub a hub admin or hub website acts for; empty for national roles and anonymous callers. */
    public Optional<String> hub() {
        if (identity.isAnonymous() || token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        return claim("hub");
    }

    /** The multi-academy trust (its GIAS reference) a trust lead sees; empty for everyone else. */
    public Optional<String> trust() {
        if (!identity.hasRole(TRUST_LEAD) || token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        return claim("trust");
    }

    /** Whether a trust lead leads this trust (a school outside any trust, null, is no trust's). */
    public boolean leadsTrust(String trustCode) {
        return trustCode != null && trust().filter(trustCode::equals).isPresent();
    }

    /** Programme admins act for every hub; hub admins and hub websites only for their own. */
    public boolean actsFor(String hubCode) {
        return isProgrammeAdmin() || hub().filter(hubCode::equals).isPresent();
    }

    /**
     * A claim of the caller's token, from its claims read once a request as a map: {@code JsonWebToken.getClaim} makes
     * and drops an exception, stack and all, for every claim that is not a standard one, as hub and trust are, and
     * {@link #actsFor} may be asked once an item of a list.
     */
    private Optional<String> claim(String name) {
        if (claims == null && identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal) {
            claims = principal.getClaims().getClaimsMap();
        }
        Object value = claims != null ? claims.get(name) : token.getClaim(name);
        return Optional.ofNullable(value).map(Object::toString);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
