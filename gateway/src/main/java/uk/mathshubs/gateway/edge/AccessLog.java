package uk.mathshubs.gateway.edge;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.security.Redaction;

/**
 * One line per API request, written when its answer has gone: method, path (with a calendar's or a confirmation's
 * token and an application's reference as placeholders, without the query; a path no route takes as
 * {@code /api/{unrouted}}), status and time taken; the request id, the client and
 * the trace ride in the line's MDC. What ops searches when a website reports a failed request. Quiet it with
 * {@code quarkus.log.category."uk.mathshubs.gateway.access".level=WARN}.
 */
final class AccessLog {

    static final String CATEGORY = "uk.mathshubs.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private AccessLog() {
    }

    static void record(RoutingContext ctx) {
        String route = EdgeRoutes.routeOf(ctx);
        if (route == null || !LOG.isInfoEnabled()) {
            ctx.next();
            return;
        }
        long started = System.nanoTime();
        // A path no route takes, or one still percent-encoded, could hold anything a caller typed: its template only.
        String path = ctx.normalizedPath();
        String logged = route.equals(EdgeRoutes.UNROUTED) || path.indexOf('%') >= 0 ? route : Redaction.path(path);
        // The end handler runs in the request's context, but after its span has ended and OpenTelemetry has taken the
        // trace ids out of the MDC: the line gets those the request had.
        Map<String, Object> request = MDC.getMap();
        ctx.addEndHandler(done -> {
            request.forEach((key, value) -> {
                if (MDC.get(key) == null) {
                    MDC.put(key, value);
                }
            });
            String client = ctx.get(RequestIds.CLIENT_KEY);
            if (client != null) {
                MDC.put(RequestIds.CLIENT_KEY, client);
            }
            LOG.infof("%s %s %d %d ms", ctx.request().method(), logged, ctx.response().getStatusCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        });
        ctx.next();
    }
}
