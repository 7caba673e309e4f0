package uk.mathshubs.gateway.edge;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.gateway.openapi.ApiDocuments;
import uk.mathshubs.gateway.problem.Problem;
import uk.mathshubs.gateway.problem.Problems;
import uk.mathshubs.gateway.proxy.ReverseProxy;
import uk.mathshubs.gateway.routing.RouteTable;
import uk.mathshubs.security.Redaction;

/**
 * The gateway's routes, in the order a request meets them: request id and access log, then Quarkus' CORS (-300) and
 * bearer token check (-200), then the body limit, then for everything under /api/ the client's name in the logs, the
 * rate limits and the proxy; the console's pages (/console) straight to the proxy.
 */
@ApplicationScoped
public class EdgeRoutes {

    private static final Logger LOG = Logger.getLogger(EdgeRoutes.class);
    private static final int BEFORE_SECURITY = -1_000;
    private static final String ROUTE = "route";
    static final String UNROUTED = "/api/{unrouted}";
    static final int MAX_URI_LENGTH = 8192;
    static final int MAX_HEADERS_SIZE = 16 * 1024;

    private final ReverseProxy proxy;
    private final BodyLimit bodyLimit;
    private final Problems problems;
    private final RateLimits rateLimits;

    public EdgeRoutes(ReverseProxy proxy, BodyLimit bodyLimit, Problems problems, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.proxy = proxy;
        this.bodyLimit = bodyLimit;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_SECURITY).handler(RequestIds::assign).handler(EdgeRoutes::statesTheVersion)
                .handler(EdgeRoutes::labelForMetrics).handler(AccessLog::record)
                .handler(this::withinSizeLimits).failureHandler(this::failed);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(bodyLimit::checkDeclaredLength);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::onlyBearerCredentials)
                .handler(RequestIds::nameTheClient)
                .handler(rateLimits::check)
                .handler(proxy::handle);
        // The console's pages carry its session cookie, no bearer token: nothing for the API's token and rate checks
        // (the console calls the API with each person's token, and meets them there).
        router.route("/console*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(EdgeRoutes::sameOriginOnly)
                .handler(proxy::handle);
        // Last of all: a path no route answered (/API/v1/hubs, /q/dev-ui) is a problem too, not the bare 404.
        router.route().last().handler(problems::notFound);
    }

    /**
     * Every answer says which version of the API gave it, the gateway's own problems too: version 1's to a caller that
     * asked for it (the services answer such a caller as version 1 did).
     */
    private static void statesTheVersion(RoutingContext ctx) {
        String asked = ctx.request().getHeader(API_VERSION_HEADER);
        boolean version1 = asked != null && asked.strip().matches("1(\\.\\d{1,3}){0,2}");
        ctx.response().putHeader(API_VERSION_HEADER, version1 ? ApiDocuments.VERSION_1 : ApiDocuments.API_VERSION);
        ctx.next();
    }

    public static final String API_VERSION_HEADER = "API-Version";

    /**
     * An address over 8192 characters is a 414, headers over 16 KiB together a 431, as problems: Netty's own limits
     * (set above these in application.properties) answer with empty bodies.
     */
    private void withinSizeLimits(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            problems.send(ctx, Problem.of("uri-too-long", "URI too long", 414,
                    "The address is longer than " + MAX_URI_LENGTH + " characters", null));
            return;
        }
        int size = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size > MAX_HEADERS_SIZE) {
            problems.send(ctx, Problem.of("headers-too-large", "Request header fields too large", 431,
                    "The headers are larger than " + MAX_HEADERS_SIZE / 1024 + " KiB together", null));
            return;
        }
        ctx.next();
    }

    /**
     * The HTTP metrics label a request by the route it takes, never by its raw path: the first is an application's
     * reference readable by anyone who reads /q/metrics, and a new series for every request. Set before the token
     * check, so that refused requests are labelled the same way.
     */
    private static void labelForMetrics(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/") || path.startsWith("/console")) {
            String label = RouteTable.template(path).orElse(UNROUTED);
            // The key Quarkus' HTTP metrics read a request's path template from.
            Vertx.currentContext().putLocal("UrlPathTemplate", label);
            ctx.put(ROUTE, label);
        }
        ctx.next();
    }

    /** An API request's route as its template ({@code /api/v1/calendars/*}), as the metrics label it; null off the API. */
    static String routeOf(RoutingContext ctx) {
        return ctx.get(ROUTE);
    }

    /**
     * Failures from any route. A token that is present but not valid fails Quarkus' authentication; the caller
     * hears 401 as problem+json. Requests without a token go through: each service decides what anonymous
     * callers may do.
     */
    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || ctx.statusCode() == 401) {
            if (rateLimits.admitRefused(ctx)) {
                problems.unauthorized(ctx);
            }
        } else if (failure instanceof OIDCException) {
            // The token cannot be checked while the OIDC server is away; like a missing service, worth a retry.
            problems.serviceUnavailable(ctx, "sign-in");
        } else if (ctx.statusCode() == 413) {
            bodyLimit.refuse(ctx);
        } else if (ctx.normalizedPath().startsWith("/api/")) {
            problems.send(ctx, otherFailure(ctx));
        } else {
            ctx.next();
        }
    }

    private static Problem otherFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            // The status says it all (RFC 9457 about:blank), as in the services' own problem mapping.
            return new Problem(URI.create("about:blank"), HttpResponseStatus.valueOf(status).reasonPhrase(), status,
                    "The request could not be completed", ctx.request().path(), List.of());
        }
        LOG.errorf(ctx.failure(), "%s %s failed in the gateway", ctx.request().method(),
                Redaction.path(ctx.normalizedPath()));
        return Problem.of("internal-error", "Internal error", 500,
                "Something went wrong in the gateway; the request was not completed", ctx.request().path());
    }

    /**
     * The console's pages are for its own origin only: the CORS that lets hub websites' scripts read the API (with
     * credentials) must not let a script on such a website read a signed-in person's pages and their CSRF tokens.
     */
    private static void sameOriginOnly(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ended -> {
            MultiMap headers = ctx.response().headers();
            headers.names().stream().filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15)).toList()
                    .forEach(headers::remove);
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
        });
        ctx.next();
    }

    /**
     * Quarkus checks bearer tokens only; any other credentials (Basic, an empty Bearer) would pass the gateway
     * unchecked, so they are refused here rather than left to each service.
     */
    private void onlyBearerCredentials(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
        if (authorization != null && !bearer) {
            if (rateLimits.admitRefused(ctx)) {
                problems.unauthorized(ctx);
            }
            return;
        }
        ctx.next();
    }
}
