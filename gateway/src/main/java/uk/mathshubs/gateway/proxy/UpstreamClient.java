package uk.mathshubs.gateway.proxy;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.routing.Upstream;

/** One pooled HTTP client for all the services, with the gateway's timeout on every request. */
@ApplicationScoped
public class UpstreamClient {

    private final GatewayConfig config;
    private final HttpClient client;

    public UpstreamClient(GatewayConfig config, Vertx vertx) {
        this.config = config;
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false)
                .setKeepAliveTimeout((int) Math.max(1, config.upstreamKeepAlive().toSeconds()));
        config.upstreamLocalAddress().ifPresent(options::setLocalAddress);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.connectionsPerService()));
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
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return client.request(new RequestOptions()
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

    public long timeoutMillis() {
        return config.timeout().toMillis();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
