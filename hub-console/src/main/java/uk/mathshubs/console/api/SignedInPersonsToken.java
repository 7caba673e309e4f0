package uk.mathshubs.console.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;

/**
 * Every call to the API carries the signed-in person's own access token, never one of the console's: the console can do
 * exactly what the API lets that person do (the work of quarkus-rest-client-oidc-token-propagation, which the
 * Maven mirror here lacks at the pinned Quarkus version).
 */
@ApplicationScoped
public class SignedInPersonsToken implements ClientHeadersFactory {

    private final CurrentIdentityAssociation identity;

    public SignedInPersonsToken(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = identity.getIdentity().getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        return headers;
    }
}
