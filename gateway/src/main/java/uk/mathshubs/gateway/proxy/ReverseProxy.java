package uk.mathshubs.gateway.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.edge.BodyLimit;
import uk.mathshubs.gateway.edge.RequestIds;
import uk.mathshubs.gateway.problem.Problems;
import uk.mathshubs.gateway.routing.Route;
import uk.mathshubs.gateway.routing.RouteTable;
import uk.mathshubs.gateway.routing.Upstream;
import uk.mathshubs.security.Redaction;

/** Passes an API request to the service the route table names, and its answer back. */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);

    private final UpstreamClient upstreams;
    private final BodyLimit bodyLimit;
    private final Problems problems;
    private final long maxBodySize;
    private final CircuitBreakers breakers;

    public ReverseProxy(UpstreamClient upstreams, BodyLimit bodyLimit, Problems problems, GatewayConfig config,
            CircuitBreakers breakers) {
        this.breakers = breakers;
        this.upstreams = upstreams;
        this.bodyLimit = bodyLimit;
        this.problems = problems;
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    public void handle(RoutingContext ctx) {
        // Routed and forwarded by the normalised path, so that ../ and the like cannot point one service's
        // route at another service.
        String path = ctx.normalizedPath();
        Optional<Route> route = RouteTable.find(path);
        if (route.isEmpty()) {
            problems.notFound(ctx);
            return;
        }
        readBody(ctx, body -> forward(ctx, route.get().upstream(), path, body));
    }

    /**
     * Reads the whole body before calling the service. The body limit keeps that small, and it means a slow
     * caller never holds a service connection, and an oversize chunked body is refused before any service sees it.
     */
    private void readBody(RoutingContext ctx, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        if (ctx.body().available()) {
            then.accept(ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer());
            return;
        }
        if (request.isEnded()) {
            then.accept(Buffer.buffer());
            return;
        }
        BodyUnderLimit body = new BodyUnderLimit();
        request.handler(chunk -> {
            if (!body.add(chunk)) {
                bodyLimit.refuse(ctx);
            }
        });
        request.endHandler(ended -> {
            if (!body.refused) {
                then.accept(body.bytes);
            }
        });
        request.exceptionHandler(ctx::fail);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
    }

    private void forward(RoutingContext ctx, Upstream upstream, String path, Buffer body) {
        Optional<Duration> open = breakers.refusal(upstream);
        if (open.isPresent()) {
            ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, open.get().toSeconds())));
            problems.serviceUnavailable(ctx, upstream.serviceName());
            return;
        }
        HttpServerRequest request = ctx.request();
        String query = request.query();
        String pathAndQuery = query == null ? path : path + "?" + query;
        String requestId = RequestIds.of(ctx);
        HttpMethod method = request.method();
        MultiMap headers = ForwardedHeaders.toUpstream(request, requestId);
        call(upstream, method, pathAndQuery, headers, body)
                .recover(failure -> sentAgainOnANewConnection(method, failure)
                        ? call(upstream, method, pathAndQuery, headers, body)
                        : Future.failedFuture(failure))
                .onSuccess(answer -> {
                    breakers.answered(upstream);
                    relay(ctx, upstream, answer);
                })
                .onFailure(failure -> {
                    breakers.unanswered(upstream);
                    LOG.warnf("%s %s: the %s service did not answer (%s)", method, Redaction.path(path), upstream.serviceName(),
                            failure.toString());
                    problems.serviceUnavailable(ctx, upstream.serviceName());
                });
    }

    private Future<HttpClientResponse> call(Upstream upstream, HttpMethod method, String pathAndQuery, MultiMap headers,
            Buffer body) {
        return upstreams.open(upstream, method, pathAndQuery, headers, upstreams.timeoutMillis())
                .compose(call -> body.length() == 0 ? call.send() : call.send(body));
    }

    /**
     * A pooled connection the service closed as the gateway reused it fails the request with no answer. An
     * idempotent request may then be sent again (RFC 9110, 9.2.2), once, on another connection; a POST may not: the
     * service may have taken it in before the connection went.
     */
    static boolean sentAgainOnANewConnection(HttpMethod method, Throwable failure) {
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        boolean connectionLost = failure instanceof HttpClosedException
                || (failure instanceof IOException && failure.getMessage() != null
                        && failure.getMessage().contains("Connection reset"));
        return idempotent && connectionLost;
    }

    private void relay(RoutingContext ctx, Upstream upstream, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        ForwardedHeaders.toCaller(answer.headers(), response.headers());
        // Applications, people and attendance are personal data: no cache keeps an answer its service did not mark
        // cacheable itself (the public catalogue reads and the calendars do).
        if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
            response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (hasBody(ctx.request().method(), answer.statusCode())
                && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        // Streamed through; a failure half way cannot become a 503 any more, so the caller sees a broken response.
        answer.pipe().endOnFailure(false).to(response).onFailure(failure -> {
            LOG.warnf("%s %s: relaying the %s service's answer failed (%s)", ctx.request().method(),
                    Redaction.path(ctx.normalizedPath()), upstream.serviceName(), failure.toString());
            answer.request().reset();
            response.reset();
        });
    }

    private final class BodyUnderLimit {

        private final Buffer bytes = Buffer.buffer();
        private boolean refused;

        /** False, once, when the chunk takes the body over the limit; later chunks are dropped. */
        boolean add(Buffer chunk) {
            if (refused) {
                return true;
            }
            if (bytes.length() + chunk.length() > maxBodySize) {
                refused = true;
                return false;
            }
            bytes.appendBuffer(chunk);
            return true;
        }
    }

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
