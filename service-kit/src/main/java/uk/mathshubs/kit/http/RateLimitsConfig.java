package uk.mathshubs.kit.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import uk.mathshubs.security.RateLimiter;

/**
 * The service's own allowances (KIT_RATE_LIMITS_...): twice the gateway's, so that a caller who comes through the
 * gateway meets the gateway's limit, with its RateLimit headers, long before this one.
 */
@ConfigMapping(prefix = "kit.rate-limits")
public interface RateLimitsConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("600")
    @WithName("anonymous-per-address.requests")
    int anonymousRequests();

    @WithDefault("1m")
    @WithName("anonymous-per-address.per")
    Duration anonymousPer();

    @WithDefault("6000")
    @WithName("per-client.requests")
    int clientRequests();

    @WithDefault("1m")
    @WithName("per-client.per")
    Duration clientPer();

    default RateLimiter.Policy anonymousPerAddress() {
        return new RateLimiter.Policy(anonymousRequests(), anonymousPer());
    }

    default RateLimiter.Policy perClient() {
        return new RateLimiter.Policy(clientRequests(), clientPer());
    }
}
