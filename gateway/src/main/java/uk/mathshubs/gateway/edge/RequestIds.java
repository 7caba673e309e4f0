package uk.mathshubs.gateway.edge;

import java.util.UUID;

import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.security.RequestNames;

/** One id per request, from the caller if it sent a sensible one, on the way in, out and in the logs; and the client's. */
public final class RequestIds {

    public static final String HEADER = RequestNames.REQUEST_ID_HEADER;
    private static final String KEY = "requestId";
    static final String CLIENT_KEY = "clientId";

    private RequestIds() {
    }

    static void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = RequestNames.isSafeId(given) ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        MDC.put(KEY, id);
        // Set now, so that answers the gateway gives itself (401, 413, 503) carry it too.
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** Once the token is checked, the client it was issued to (a website or an integration, never the user) joins the logs. */
    static void nameTheClient(RoutingContext ctx) {
        RateLimits.token(ctx).map(RequestNames::client).ifPresent(client -> {
            ctx.put(CLIENT_KEY, client);
            MDC.put(CLIENT_KEY, client);
        });
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
