package uk.mathshubs.kit.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.security.RequestNames;

/**
 * Every log line written while a request is served names it: the gateway's request id ({@code X-Request-Id}, as the
 * caller sees it) and the client whose token it carries (the token's {@code azp}: a website or an integration, never
 * the user), beside the trace and span ids OpenTelemetry adds. Ops finds a caller's failing request by either.
 */
public class RequestLogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ID = "clientId";

    private final CurrentIdentityAssociation identities;

    public RequestLogContext(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** After the presented token's check ({@code PresentedTokens}): a refused token never gets this far. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 5)
    public Uni<Void> name(HttpHeaders headers) {
        String requestId = headers.getHeaderString(RequestNames.REQUEST_ID_HEADER);
        if (RequestNames.isSafeId(requestId)) {
            MDC.put(REQUEST_ID, requestId);
        }
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .invoke(identity -> {
                    if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                        MDC.put(CLIENT_ID, RequestNames.client(token));
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
