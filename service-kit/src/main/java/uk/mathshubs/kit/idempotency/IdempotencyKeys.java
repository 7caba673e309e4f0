package uk.mathshubs.kit.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import uk.mathshubs.kit.http.RequestLimits;
import uk.mathshubs.kit.problem.Problem;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * {@code Idempotency-Key} on every POST (IETF httpapi draft; Stripe's and pretix's rule): a client that sends a POST
 * again with the same key, because it never heard the first answer, gets that first answer again instead of a second
 * change, for {@code kit.idempotency.keep-for} (24 hours). The same key while the first request is still being
 * answered is a 409; the same key with another request (another body, or another address) is a 422. A key belongs to
 * the client that sent it (the token's client, or the address of an anonymous caller), so two clients may use the
 * same key. Answers of 500 and above are not kept: the request may be sent again with the same key.
 *
 * <p>How: the body of a POST that carries a key is read before the endpoint's own reading of it (a Vert.x body
 * handler, within the service's body limit), to fingerprint the request; a request filter claims the key in
 * {@link IdempotencyStore} or answers from it; a response filter keeps the answer.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIMED = IdempotencyKeys.class.getName() + ".claimed";
    /** An sf-string as the draft has it ("..."), or the same characters bare, as most clients send them. */
    private static final Pattern KEY = Pattern.compile("\"?([\\x21\\x23-\\x7E]{1,255})\"?");

    private final IdempotencyStore store;
    private final RequestLimits limits;
    private final ObjectMapper json;
    private final CurrentIdentityAssociation identities;

    private final List<String> credentialHeaders;

    public IdempotencyKeys(IdempotencyStore store, RequestLimits limits, ObjectMapper json,
            CurrentIdentityAssociation identities,
            @ConfigProperty(name = "kit.idempotency.credential-headers") Optional<List<String>> credentialHeaders) {
        this.store = store;
        this.limits = limits;
        this.json = json;
        this.identities = identities;
        this.credentialHeaders = credentialHeaders.orElse(List.of());
    }

    void readKeyedBodies(@Observes Router router) {
        router.post().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> {
            // Bulk imports (megabytes, idempotent by themselves) keep no keys: their bodies are not read ahead.
            if (ctx.request().getHeader(HEADER) == null || limits.isBulk(ctx)) {
                ctx.next();
                return;
            }
            BodyHandler.create(false).setBodyLimit(limits.limitFor(ctx)).handle(ctx);
        });
    }

    @ServerRequestFilter(priority = Priorities.USER + 20)
    public Response claim(ContainerRequestContext request, RoutingContext routing) {
        String header = request.getHeaderString(HEADER);
        if (header == null || !HttpMethod.POST.equals(request.getMethod()) || limits.isBulk(routing)) {
            return null;
        }
        var key = KEY.matcher(header.strip());
        if (!key.matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 255 printable characters, such as a UUID the client"
                    + " made for this request");
        }
        // On the endpoint's worker thread (the filter is not non-blocking), where the store may wait for the database.
        String client = client(identities.getIdentity(), routing);
        IdempotencyStore.Claim claim = store.claim(client, key.group(1), fingerprint(request, routing, credentialHeaders));
        return switch (claim) {
            case IdempotencyStore.Claim.Ours ours -> {
                request.setProperty(CLAIMED, ours.id());
                yield null;
            }
            case IdempotencyStore.Claim.InFlight ignored -> throw ProblemException.conflict("idempotency-key-in-use",
                    "Request in progress", "A request with this Idempotency-Key is still being answered; send it again once that one is");
            case IdempotencyStore.Claim.OtherRequest ignored -> throw new ProblemException(422, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was sent with another request; a new request needs a new key",
                    List.of(new Problem.FieldError(HEADER, "was used for another request")));
            case IdempotencyStore.Claim.Answered answered -> {
                Response.ResponseBuilder replay = Response.status(answered.answer().status())
                        .header(REPLAYED, "true");
                answered.answer().contentType().ifPresent(type -> replay.header(HttpHeaders.CONTENT_TYPE, type));
                answered.answer().location().ifPresent(location -> replay.header(HttpHeaders.LOCATION, location));
                answered.answer().body().ifPresent(replay::entity);
                yield replay.build();
            }
        };
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof IdempotencyStore.ClaimId id)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(id);
            return;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        store.answer(id, new IdempotencyStore.Answer(response.getStatus(), Optional.ofNullable(type),
                Optional.ofNullable(location), Optional.ofNullable(body(response.getEntity()))));
    }

    private String body(Object entity) {
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be kept for its Idempotency-Key", e);
        }
    }

    /**
     * The key's owner: the client the token was issued to and the person (or service account) it was issued for --
     * every member of staff signs in through one client -- or an anonymous caller's address. A replay is answered
     * before the endpoint's own checks run, so it must only ever reach the one who made the first request.
     */
    private static String client(SecurityIdentity identity, RoutingContext routing) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            return "client:" + token.getClaim("azp") + ":" + token.getSubject();
        }
        var address = routing.request().remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }

    private static byte[] fingerprint(ContainerRequestContext request, RoutingContext routing, List<String> credentialHeaders) {
        Buffer body = routing.body() == null ? null : routing.body().buffer();
        List<String> credentials = credentialHeaders.stream().map(name -> name + "=" + request.getHeaderString(name)).toList();
        return fingerprint(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), credentials, body == null ? null : body);
    }

    /**
     * What makes two requests the same: the method, the address with its query, the credentials sent in headers of
     * their own ({@code kit.idempotency.credential-headers}, such as a school's secret: a replay must not answer a
     * caller who does not hold them), and the body's bytes.
     */
    public static byte[] fingerprint(String method, String rawPath, String rawQuery, List<String> credentials, Buffer body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + rawPath + "?" + (rawQuery == null ? "" : rawQuery) + "\n").getBytes(StandardCharsets.UTF_8));
            for (String credential : credentials) {
                digest.update((credential + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (body != null) {
                // The buffer's own bytes, not a copy of them: an import may run to megabytes.
                digest.update(body.getByteBuf().nioBuffer());
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
