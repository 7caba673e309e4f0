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
import uk.mathshubs.console.api.ReasonCodesApi;
import uk.mathshubs.console.api.ReasonCodesApi.ReasonCodeList;

/** One application: the eligibility findings, the confirmations, and the hub's decision (accept, reject, override). */
@Path("/applications/{reference}")
@Authenticated
public class ApplicationPages {

    private final ApplicationsApi applications;
    private final CatalogueApi catalogue;
    private final ReasonCodesApi reasonCodes;

    public ApplicationPages(@RestClient ApplicationsApi applications, @RestClient CatalogueApi catalogue,
            @RestClient ReasonCodesApi reasonCodes) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.reasonCodes = reasonCodes;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance application(Application application, WorkGroup workGroup, ReasonCodeList codes,
                String decision, String reason, String reasonCode, Errors errors);
    }

    @GET
    public Uni<Response> application(@PathParam("reference") String reference) {
        return page(reference, null, null, null, Errors.none());
    }

    /**
     * The decision the API takes: ACCEPT or REJECT, with a reason. Accepting an application the rules found ineligible or
     * in need of review is an override, and the API wants the reason for it; the form says so, the API decides.
     */
    @POST
    @Path("/decision")
    public Uni<Response> decide(@PathParam("reference") String reference, @RestForm String decision,
            @RestForm String reason, @RestForm String reasonCode) {
        if (decision == null || decision.isBlank()) {
            return page(reference, decision, reason, reasonCode, Errors.field("decision", "Select accept or reject"));
        }
        // The code goes with a rejection only (the API refuses one on an acceptance); the select stays in the form.
        String code = "REJECT".equals(decision) ? Forms.blankToNull(reasonCode) : null;
        return Errors.orFormAgain(applications.decide(reference,
                new ApplicationsApi.DecisionRequest(decision, Forms.blankToNull(reason), code))
                .map(decided -> Response.seeOther(URI.create("/work-groups/" + decided.workGroupId()
                        + "?decided=" + URLEncoder.encode(reference, StandardCharsets.UTF_8))).build()),
                errors -> page(reference, decision, reason, reasonCode, errors));
    }

    private Uni<Response> page(String reference, String decision, String reason, String reasonCode, Errors errors) {
        return Uni.combine().all().unis(applications.application(reference), reasonCodes.codes(ReasonCodesApi.REJECTION)).asTuple()
                .flatMap(both -> catalogue.workGroup(both.getItem1().workGroupId())
                        .map(workGroup -> Response.status(errors.status()).entity(Templates.application(both.getItem1(),
                                workGroup, both.getItem2(), decision, reason, reasonCode, errors)).build()));
    }
}
