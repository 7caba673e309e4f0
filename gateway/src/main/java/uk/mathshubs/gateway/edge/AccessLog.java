package uk.mathshubs.gateway.edge;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.security.Redaction;

/**
 * One line per API request, written when its answer has gone: method, path (with a calendar's or a confirmation's
 * token and an application's reference as placeholders, without the query), status and time taken; the request id, the client and
 * the trace ride in the line's MDC. What ops searches when a website reports a failed request. Quiet it with
 * {@code quarkus.log.category."uk.mathshubs.gateway.access".level=WARN}.
 */
final class AccessLog {

    static final String CATEGORY = "uk.mathshubs.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private AccessLog() {
    }

    static void record(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith("/api/") || !LOG.isInfoEnabled()) {
            ctx.next();
            return;
        }
        long started = System.nanoTime();
        String path = Redaction.path(ctx.normalizedPath());
        // The end handler may run outside the request's context: the line's MDC is the one the request had.
        Map<String, Object> context = MDC.getMap();
        ctx.addEndHandler(done -> {
            Map<String, Object> outer = MDC.getMap();
            MDC.clear();
            context.forEach(MDC::put);
            String client = ctx.get(RequestIds.CLIENT_KEY);
            if (client != null) {
                MDC.put(RequestIds.CLIENT_KEY, client);
            }
            try {
                LOG.infof("%s %s %d %d ms", ctx.request().method(), path, ctx.response().getStatusCode(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } finally {
                MDC.clear();
                outer.forEach(MDC::put);
            }
        });
        ctx.next();
    }
}
