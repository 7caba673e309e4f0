package uk.mathshubs.gateway.routing;

import java.net.URI;

import uk.mathshubs.gateway.config.GatewayConfig;

/** The services behind the gateway, named as the problem details name them. */
public enum Upstream {

    CATALOGUE("catalogue"),
    APPLICATIONS("applications"),
    SCHEDULING("scheduling"),
    WEBHOOKS("webhooks"),
    CONSOLE("console");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    /** Whether it is part of the API (and of its OpenAPI document); the console serves web pages instead. */
    public boolean servesApi() {
        return this != CONSOLE;
    }

    public URI url(GatewayConfig config) {
        return switch (this) {
            case CATALOGUE -> config.catalogueUrl();
            case APPLICATIONS -> config.applicationsUrl();
            case SCHEDULING -> config.schedulingUrl();
            case WEBHOOKS -> config.webhooksUrl();
            case CONSOLE -> config.consoleUrl();
        };
    }

    /** The service's liveness on its management interface. */
    public URI healthUrl(GatewayConfig config) {
        return switch (this) {
            case CATALOGUE -> config.catalogueHealthUrl();
            case APPLICATIONS -> config.applicationsHealthUrl();
            case SCHEDULING -> config.schedulingHealthUrl();
            case WEBHOOKS -> config.webhooksHealthUrl();
            case CONSOLE -> config.consoleHealthUrl();
        };
    }
}
