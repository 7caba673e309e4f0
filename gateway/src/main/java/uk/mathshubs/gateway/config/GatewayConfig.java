package uk.mathshubs.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import uk.mathshubs.security.RateLimiter;

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

    /** The webhooks service: subscriptions and their deliveries. */
    @WithDefault("http://localhost:8084")
    URI webhooksUrl();

    /** The hub console: the web pages hub staff and the NCETM work in, under /console. */
    @WithDefault("http://localhost:8085")
    URI consoleUrl();

    /**
     * Where each service tells whether it is alive: its management interface, which the gateway does not route but
     * asks for its own readiness report (GATEWAY_CATALOGUE_HEALTH_URL and so on).
     */
    @WithDefault("http://localhost:9081/q/health/live")
    URI catalogueHealthUrl();

    @WithDefault("http://localhost:9082/q/health/live")
    URI applicationsHealthUrl();

    @WithDefault("http://localhost:9083/q/health/live")
    URI schedulingHealthUrl();

    @WithDefault("http://localhost:9084/q/health/live")
    URI webhooksHealthUrl();

    @WithDefault("http://localhost:9085/q/health/live")
    URI consoleHealthUrl();

    /**
     * The local address the gateway's connections to the services come from (GATEWAY_UPSTREAM_LOCAL_ADDRESS). Under
     * ./platform it is 127.0.0.2, the one address the services believe X-Forwarded-* from, so that no other process
     * on the machine can state a caller's address to them; unset, the system chooses (in Kubernetes the pod's).
     */
    java.util.Optional<String> upstreamLocalAddress();

    /** How long to wait for a service to connect or to send anything before answering 503. */
    @WithDefault("30s")
    Duration timeout();

    /** The largest request body passed on; quarkus.http.limits.max-body-size is set from it. */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** Open connections kept per service; Vert.x's default of 5 would queue requests under modest load. */
    @WithDefault("100")
    int connectionsPerService();

    /**
     * How long an idle pooled connection to a service is kept: shorter than the services' own idle timeout
     * ({@code quarkus.http.idle-timeout}, 60s), so the gateway lets go of a connection before a service closes it.
     */
    @WithDefault("15s")
    Duration upstreamKeepAlive();

    RateLimitsConfig rateLimits();

    CircuitBreakerConfig circuitBreaker();

    /** When the gateway stops calling a service that does not answer, and for how long. */
    interface CircuitBreakerConfig {

        /** Calls in a row with no answer (refused, or timed out) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before a trial call. */
        @WithDefault("10s")
        Duration openFor();
    }

    /**
     * Requests per caller: anonymous callers by address (behind a proxy, set quarkus.http.proxy.* so the address is
     * the caller's), callers with a token by client id, with a policy per client where one is set.
     */
    interface RateLimitsConfig {

        @WithDefault("true")
        boolean enabled();

        /** Hub websites' public pages call anonymously; a visitor's browser is one address. */
        @WithDefault("300")
        @WithName("anonymous-per-address.requests")
        int anonymousRequests();

        @WithDefault("1m")
        @WithName("anonymous-per-address.per")
        Duration anonymousPer();

        @WithDefault("3000")
        @WithName("per-client.requests")
        int clientRequests();

        @WithDefault("1m")
        @WithName("per-client.per")
        Duration clientPer();

        /** Policies for particular clients, e.g. gateway.rate-limits.clients.ncetm-integration.requests=1000. */
        Map<String, Limit> clients();

        default Limit anonymousPerAddress() {
            return Limit.of(anonymousRequests(), anonymousPer());
        }

        default Limit perClient() {
            return Limit.of(clientRequests(), clientPer());
        }
    }

    interface Limit {

        int requests();

        Duration per();

        default RateLimiter.Policy policy() {
            return new RateLimiter.Policy(requests(), per());
        }

        static Limit of(int requests, Duration per) {
            return new Limit() {
                public int requests() {
                    return requests;
                }

                public Duration per() {
                    return per;
                }
            };
        }
    }
}
