package uk.mathshubs.gateway.routing;

import static uk.mathshubs.gateway.routing.Upstream.APPLICATIONS;
import static uk.mathshubs.gateway.routing.Upstream.CATALOGUE;
import static uk.mathshubs.gateway.routing.Upstream.CONSOLE;
import static uk.mathshubs.gateway.routing.Upstream.SCHEDULING;
import static uk.mathshubs.gateway.routing.Upstream.WEBHOOKS;

import java.util.List;
import java.util.Optional;

/** Which service answers which path: the first route that matches wins. */
public final class RouteTable {

    // Most specific first: a Work Group's applications and sessions live in other services than the Work Group.
    private static final List<Route> ROUTES = List.of(
            Route.of("/api/v1/work-groups/{id}/applications", APPLICATIONS),
            Route.of("/api/v1/work-groups/{id}/eligibility-check", APPLICATIONS),
            Route.of("/api/v1/work-groups/{id}/interest", APPLICATIONS),
            Route.of("/api/v1/applications", APPLICATIONS),
            Route.of("/api/v1/eligibility-rule-sets", APPLICATIONS),
            Route.of("/api/v1/confirmations", APPLICATIONS),
            Route.of("/api/v1/schools", APPLICATIONS),
            Route.of("/api/v1/participation-history", APPLICATIONS),
            Route.of("/api/v1/erasures", APPLICATIONS),
            Route.of("/api/v1/trusts", APPLICATIONS),
            Route.of("/api/v1/audit/applications-service", APPLICATIONS),
            Route.of("/api/v1/audit/scheduling-service", SCHEDULING),
            Route.of("/api/v1/audit/programme-catalogue-service", CATALOGUE),
            Route.of("/api/v1/audit/webhooks-service", WEBHOOKS),
            // Each kind of reason code lives with the service that records it: cancellations with the sessions.
            Route.of("/api/v1/reason-codes/session-cancellation", SCHEDULING),
            Route.of("/api/v1/reason-codes", APPLICATIONS),
            Route.of("/api/v1/webhooks", WEBHOOKS),
            Route.of("/api/v1/work-groups/{id}/sessions", SCHEDULING),
            Route.of("/api/v1/work-groups/{id}/session-plan", SCHEDULING),
            Route.of("/api/v1/work-groups/{id}/completion", SCHEDULING),
            Route.of("/api/v1/work-groups/{id}/calendar.ics", SCHEDULING),
            Route.of("/api/v1/calendars", SCHEDULING),
            Route.of("/api/v1/programme-schedules", SCHEDULING),
            Route.of("/api/v1/central-sessions", SCHEDULING),
            Route.of("/api/v1/sessions", SCHEDULING),
            Route.of("/api/v1/participation", SCHEDULING),
            Route.of("/api/v1/surveys", SCHEDULING),
            Route.of("/api/v1/survey-invitations", SCHEDULING),
            Route.of("/api/v1/certificates", SCHEDULING),
            Route.of("/api/v1/certificate-files", SCHEDULING),
            Route.of("/api/v1/programmes", CATALOGUE),
            Route.of("/api/v1/hubs", CATALOGUE),
            Route.of("/api/v1/work-groups", CATALOGUE),
            // The staff's web pages: signed in with a session cookie of their own, not a bearer token.
            Route.of("/console", CONSOLE));

    private RouteTable() {
    }

    public static Optional<Route> find(String path) {
        return ROUTES.stream().filter(route -> route.matches(path)).findFirst();
    }

    /** The metrics label of the route that answers this path (one pass over the routes), if one does. */
    public static Optional<String> template(String path) {
        return ROUTES.stream().map(route -> route.template(path)).flatMap(Optional::stream).findFirst();
    }
}
