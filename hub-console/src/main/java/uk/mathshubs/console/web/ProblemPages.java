package uk.mathshubs.console.web;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import uk.mathshubs.console.api.ApiProblem;
import uk.mathshubs.console.api.Problem;

/** Whatever the API refused or could not answer, on any page, is shown as it said it, with its status. */
public class ProblemPages {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemPages.class);

    @ServerExceptionMapper
    public Response problem(ApiProblem refusal) {
        Problem problem = refusal.problem();
        return Response.status(Errors.of(problem).status()).entity(Pages.problem(problem)).build();
    }

    /**
     * The gateway did not answer the console at all: not a fault of the page, so GOV.UK's "service unavailable" page
     * with a 503, not the 500 of a fault of the console's own. A refused or timed-out connection reaches here as the
     * REST client's {@code ConnectException} (an IOException, which Quarkus REST would otherwise take for the browser
     * having gone and answer with its bare 500), other failures to get an answer as a {@code ProcessingException}.
     */
    @ServerExceptionMapper({ java.net.ConnectException.class, jakarta.ws.rs.ProcessingException.class })
    public Response unavailable(Exception unanswered) {
        LOG.warnf("The API did not answer the console: %s", unanswered.toString());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .entity(Pages.Templates.error("Sorry, the service is unavailable",
                        "Try again in a few minutes. What you sent has not been saved unless the page after it said so.",
                        503))
                .build();
    }

    /** A fault of the console's own: a page that says so, never a stack trace; the log has the rest. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException failure) {
        if (failure instanceof jakarta.ws.rs.WebApplicationException known && known.getResponse().getStatus() < 500) {
            return known.getResponse();
        }
        LOG.error("A page failed", failure);
        return Response.serverError().entity(Pages.Templates.error("Sorry, there is a problem with the service",
                "Try again later. What you sent has not been saved unless the page after it said so.", 500)).build();
    }

    /** An address that is no page (or an id that is no id): the console's own 404 page. */
    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException missing) {
        return Response.status(Response.Status.NOT_FOUND).entity(Pages.Templates.error("Page not found",
                "If you typed the address, check it is correct.", 404)).build();
    }

    /** A page of another role's (the programme team's pages to a hub admin): refused as the API would refuse it. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refusal) {
        return Response.status(Response.Status.FORBIDDEN).entity(Pages.refused("Forbidden",
                "These pages are the NCETM programme team's.")).build();
    }
}
