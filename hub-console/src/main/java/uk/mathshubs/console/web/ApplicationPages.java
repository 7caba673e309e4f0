package uk.mathshubs.console.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.ApplicationsApi;
import uk.mathshubs.console.api.ApplicationsApi.Application;
import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.CatalogueApi.WorkGroup;

/** One application: the eligibility findings, the confirmations, and the hub's decision (accept, reject, override). */
@Path("/applications/{reference}")
@Authenticated
public class ApplicationPages {

    private final ApplicationsApi applications;
    private final CatalogueApi catalogue;

    public ApplicationPages(@RestClient ApplicationsApi applications, @RestClient CatalogueApi catalogue) {
        this.applications = applications;
        this.catalogue = catalogue;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance application(Application application, WorkGroup workGroup, String decision,
                String reason, Errors errors);
    }

    @GET
    public Uni<Response> application(@PathParam("reference") String reference) {
        return page(reference, null, null, Errors.none());
    }

    /**
     * The decision the API takes: ACCEPT or REJECT, with a reason. Accepting an application the rules found ineligible or
     * in need of review is an override, and the API wants the reason for it; the form says so, the API decides.
     */
    @POST
    @Path("/decision")
    public Uni<Response> decide(@PathParam("reference") String reference, @RestForm String decision,
            @RestForm String reason) {
        if (decision == null || decision.isBlank()) {
            return page(reference, decision, reason, Errors.field("decision", "Select accept or reject"));
        }
        return Errors.orFormAgain(applications.decide(reference,
                new ApplicationsApi.DecisionRequest(decision, Forms.blankToNull(reason)))
                .map(decided -> Response.seeOther(URI.create("/work-groups/" + decided.workGroupId()
                        + "?decided=" + URLEncoder.encode(reference, StandardCharsets.UTF_8))).build()),
                errors -> page(reference, decision, reason, errors));
    }

    private Uni<Response> page(String reference, String decision, String reason, Errors errors) {
        return applications.application(reference)
                .flatMap(application -> catalogue.workGroup(application.workGroupId())
                        .map(workGroup -> Response.status(errors.status())
                                .entity(Templates.application(application, workGroup, decision, reason, errors)).build()));
    }
}
