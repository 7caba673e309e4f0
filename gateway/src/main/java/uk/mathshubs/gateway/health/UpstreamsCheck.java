package uk.mathshubs.gateway.health;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.proxy.UpstreamClient;
import uk.mathshubs.gateway.routing.Upstream;

/**
 * Whether each service answers (its liveness, on its management interface), as information only: the gateway stays ready when a service is down, because
 * taking the gateway out of rotation would not bring the service back, and it still answers the others' routes
 * (and a 503 problem for the missing one).
 */
@Readiness
@ApplicationScoped
public class UpstreamsCheck implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MILLIS = 1_000;

    private final UpstreamClient upstreams;
    private final GatewayConfig config;

    public UpstreamsCheck(UpstreamClient upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String>> probes = Arrays.stream(Upstream.values()).map(this::probe).toList();
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage())
                .map(done -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("Services behind the gateway").up();
                    Upstream[] all = Upstream.values();
                    for (int i = 0; i < all.length; i++) {
                        response.withData(all[i].serviceName(), probes.get(i).result());
                    }
                    return response.build();
                });
    }

    private Future<String> probe(Upstream upstream) {
        return upstreams.get(upstream.healthUrl(config), PROBE_TIMEOUT_MILLIS)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> status == 200 ? "UP" : "DOWN (HTTP " + status + ")")
                .otherwise(failure -> "DOWN (not answering)");
    }
}
