package uk.mathshubs.console.web;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in, as the pages need it to choose what to show: the person's realm roles and the hub or trust the ID
 * token's claims name. What the person may actually see and change is the API's to decide, on every call.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    static final String PROGRAMME_ADMIN = "programme-admin";
    static final String HUB_ADMIN = "hub-admin";
    static final String TRUST_LEAD = "trust-lead";

    private final SecurityIdentity identity;
    private String csrfToken;
    private Map<String, Object> claims;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public boolean isProgrammeAdmin() {
        return identity.hasRole(PROGRAMME_ADMIN);
    }

    public boolean isHubAdmin() {
        return identity.hasRole(HUB_ADMIN);
    }

    public boolean isTrustLead() {
        return identity.hasRole(TRUST_LEAD);
    }

    /** Hub staff and programme admins run Work Groups; a trust lead only looks at the trust's schools. */
    public boolean runsWorkGroups() {
        return isProgrammeAdmin() || isHubAdmin();
    }

    /** Programme admins act for every hub, a hub admin for their own: which forms a page offers (the API decides). */
    public boolean actsFor(String hubCode) {
        return isProgrammeAdmin() || (isHubAdmin() && hubCode != null && hub().filter(hubCode::equals).isPresent());
    }

    public Optional<String> hub() {
        return claim("hub");
    }

    public Optional<String> trust() {
        return claim("trust");
    }

    public String name() {
        return claim("name").or(() -> claim("preferred_username")).orElse(identity.getPrincipal().getName());
    }

    /** The forms' CSRF token, made once for a page however many forms it has. */
    String csrfToken(java.util.function.Supplier<String> make) {
        if (csrfToken == null) {
            csrfToken = make.get();
        }
        return csrfToken;
    }

    /**
     * The Keycloak session the ID token belongs to (its {@code sid}): what a form's CSRF token is bound to. Empty when
     * the token names none, and then no form is accepted.
     */
    Optional<String> session() {
        return claim("sid");
    }

    private Optional<String> claim(String name) {
        // The ID token's claims (the signed-in person's principal) read once a request, as a map: JsonWebToken.getClaim
        // makes and drops an exception for every claim that is not a standard one (hub, trust), a dozen a page.
        if (claims == null) {
            claims = identity.getPrincipal() instanceof OidcJwtCallerPrincipal idToken ? idToken.getClaims().getClaimsMap()
                    : Map.of();
        }
        return Optional.ofNullable(claims.get(name)).map(Object::toString);
    }
}
