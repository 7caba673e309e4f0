package uk.mathshubs.gateway.proxy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import uk.mathshubs.gateway.edge.RequestIds;

/** Which headers cross the gateway, in each direction. */
public final class ForwardedHeaders {

    // RFC 9110 §7.6.1: these describe one connection, not the message, so they stop at each hop.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    // The gateway frames the body again and names the service's host itself; 100-continue was answered here.
    private static final Set<String> NOT_TO_UPSTREAM = Set.of("host", "content-length", "expect",
            "x-forwarded-proto", "x-forwarded-host", "forwarded", RequestIds.HEADER.toLowerCase(Locale.ROOT));

    private ForwardedHeaders() {
    }

    /**
     * The caller's headers as a service should see them. Authorization goes on: every service validates the
     * token again, so a request that gets past the gateway some other way still meets the same check.
     */
    public static MultiMap toUpstream(HttpServerRequest request, String requestId) {
        Set<String> dropped = droppedBy(request.headers());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // Forwarding headers are the gateway's to state (below), never the caller's: a service believes them.
            if (!dropped.contains(name) && !NOT_TO_UPSTREAM.contains(name) && !name.startsWith("x-forwarded-")
                    && !name.equals("x-real-ip")) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(RequestIds.HEADER, requestId);
        headers.set("X-Forwarded-For", forwardedFor(request));
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", host(request));
        return headers;
    }

    /**
     * The service's response headers as the caller should see them. The gateway owns CORS and the request id,
     * so a service's own versions of those would only duplicate (and so break) them.
     */
    public static void toCaller(MultiMap upstream, MultiMap response) {
        Set<String> dropped = droppedBy(upstream);
        upstream.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!dropped.contains(name) && !name.startsWith("access-control-")
                    && !name.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT))) {
                response.add(header.getKey(), header.getValue());
            }
        });
    }

    /** Hop-by-hop headers, and those the Connection header names as hop-by-hop for this message. */
    private static Set<String> droppedBy(MultiMap headers) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                dropped.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return dropped;
    }

    /**
     * The caller's address as the gateway established it: the connection's, or the one a trusted proxy in front of
     * it stated (quarkus.http.proxy.*). Never a chain the caller sent: the services believe this header from the
     * gateway and limit anonymous callers by it, so a caller must not be able to choose it.
     */
    private static String forwardedFor(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private static String host(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return "";
        }
        return authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    }
}
