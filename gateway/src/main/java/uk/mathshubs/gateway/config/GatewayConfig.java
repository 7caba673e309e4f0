package uk.mathshubs.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services live and how long the gateway waits for them (env: GATEWAY_CATALOGUE_URL and so on). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The programme catalogue service: programmes, hubs and Work Groups. */
    @WithDefault("http://localhost:8081")
    URI catalogueUrl();

    /** The applications service: schools' applications to Work Groups. */
    @WithDefault("http://localhost:8082")
    URI applicationsUrl();

    /** The scheduling service: sessions and participation. */
    @WithDefault("http://localhost:8083")
    URI schedulingUrl();

    /** How long to wait for a service to connect or to send anything before answering 503. */
    @WithDefault("10s")
    Duration timeout();

    /** The largest request body passed on; quarkus.http.limits.max-body-size is set from it. */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** Open connections kept per service; Vert.x's default of 5 would queue requests under modest load. */
    @WithDefault("100")
    int connectionsPerService();
}
