package uk.mathshubs.gateway.proxy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxInternal;
import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.routing.Upstream;

/**
 * Pooled HTTP clients for all the services, with the gateway's timeout on every request: one client for each event
 * loop, so that a request, the connection it goes out on and the answer stay on one thread. With one client shared by
 * the loops, a request was handed to whichever loop owned the free connection and its answer handed back: two thread
 * wake-ups per request, some 7% of the gateway's CPU in a profile of catalogue reads.
 */
@ApplicationScoped
public class UpstreamClient {

    private final GatewayConfig config;
    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions poolOptions;
    /** For what is not on an event loop (none of the proxied requests). */
    private final HttpClient shared;
    private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();

    public UpstreamClient(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.options = new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false)
                .setKeepAliveTimeout((int) Math.max(1, config.upstreamKeepAlive().toSeconds()));
        config.upstreamLocalAddress().ifPresent(options::setLocalAddress);
        // The connections per service are shared out among the loops' clients: the services see about as many as before.
        long loops = StreamSupport.stream(((VertxInternal) vertx).getEventLoopGroup().spliterator(), false).count();
        this.poolOptions = new PoolOptions().setHttp1MaxSize((int) Math.ceilDiv(config.connectionsPerService(), Math.max(1, loops)));
        this.shared = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.connectionsPerService()));
    }

    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        // A client used first on this loop makes its connections on this loop (PoolOptions' default event-loop size 0).
        return byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, poolOptions));
    }

    /** Opens a request to {@code pathAndQuery} on the service, below any path its base URL has. */
    public Future<HttpClientRequest> open(Upstream upstream, HttpMethod method, String pathAndQuery,
            MultiMap headers, long timeoutMillis) {
        return open(upstream.url(config), method, pathAndQuery, headers, timeoutMillis);
    }

    /** Opens a GET of that very address (a service's health on its management interface). */
    public Future<HttpClientRequest> get(URI url, long timeoutMillis) {
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return open(url.resolve("/"), HttpMethod.GET, url.getRawPath() + query, MultiMap.caseInsensitiveMultiMap(), timeoutMillis);
    }

    private Future<HttpClientRequest> open(URI base, HttpMethod method, String pathAndQuery, MultiMap headers,
            long timeoutMillis) {
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : https ? 443 : 80;
        String basePath = withoutTrailingSlashes(base.getRawPath());
        return client().request(new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(basePath + pathAndQuery)
                .setHeaders(headers)
                // Both bound the wait: for a connection (refused, or none free in the pool) and for any answer.
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis));
    }

    /** As {@code path.replaceAll("/+$", "")}, without compiling a pattern for every request. */
    private static String withoutTrailingSlashes(String path) {
        if (path == null) {
            return "";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    public long timeoutMillis() {
        return config.timeout().toMillis();
    }

    @PreDestroy
    void close() {
        shared.close();
        byEventLoop.values().forEach(HttpClient::close);
    }
}
