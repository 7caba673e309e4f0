package uk.mathshubs.console.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.ApplicationsApi;
import uk.mathshubs.console.api.ApplicationsApi.Erasure;
import uk.mathshubs.console.api.AuditApi;
import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.CatalogueApi.Hub;
import uk.mathshubs.console.api.CatalogueApi.Programme;
import uk.mathshubs.console.api.Page;

/**
 * The NCETM programme team's pages: programmes and their rule sets (read), Maths Hubs, erasures and the audit trail.
 * The role check here only chooses the pages; the API checks every call again.
 */
@Path("/")
@RolesAllowed(Viewer.PROGRAMME_ADMIN)
public class AdminPages {

    /** The services whose audit trails the API serves, as its paths name them. */
    static final List<String> AUDITED = List.of("applications-service", "programme-catalogue-service",
            "scheduling-service", "webhooks-service");

    private final CatalogueApi catalogue;
    private final ApplicationsApi applications;
    private final AuditApi audit;
    private final ObjectMapper json;

    public AdminPages(@RestClient CatalogueApi catalogue, @RestClient ApplicationsApi applications,
            @RestClient AuditApi audit, ObjectMapper json) {
        this.catalogue = catalogue;
        this.applications = applications;
        this.audit = audit;
        this.json = json;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance programmes(List<Programme> programmes);

        static native TemplateInstance ruleSet(String code, ApplicationsApi.RuleSet ruleSet, String rules);

        static native TemplateInstance hubs(List<Hub> hubs);

        static native TemplateInstance erasures(String email, String trn, Erasure erased, Errors errors);

        static native TemplateInstance audit(List<String> services, String service, String actor, String action,
                Page<AuditApi.Entry> entries);
    }

    @GET
    @Path("programmes")
    public Uni<TemplateInstance> programmes() {
        return catalogue.programmes(Page.LARGEST).map(page -> Templates.programmes(page.items()));
    }

    @GET
    @Path("rule-sets/{code}")
    public Uni<TemplateInstance> ruleSet(@PathParam("code") String code) {
        return applications.ruleSet(code).map(ruleSet -> Templates.ruleSet(code, ruleSet, pretty(ruleSet.rules())));
    }

    @GET
    @Path("hubs")
    public Uni<TemplateInstance> hubs() {
        return catalogue.hubs(Page.LARGEST).map(page -> Templates.hubs(page.items()));
    }

    @GET
    @Path("erasures")
    @NonBlocking // nothing to wait for: rendered on the event loop, not handed to a worker thread
    public TemplateInstance erasureForm() {
        return Templates.erasures(null, null, null, Errors.none());
    }

    /** A person's request to be forgotten, as the NCETM received it: their email, their TRN, or both. */
    @POST
    @Path("erasures")
    public Uni<Response> erase(@RestForm String email, @RestForm String trn) {
        return Errors.orFormAgain(applications.erase(new ApplicationsApi.ErasureRequest(Forms.blankToNull(email),
                Forms.blankToNull(trn)))
                .map(erased -> Response.ok(Templates.erasures(null, null, erased, Errors.none())).build()),
                errors -> Uni.createFrom().item(Response.status(errors.status())
                        .entity(Templates.erasures(email, trn, null, errors)).build()));
    }

    @GET
    @Path("audit")
    public Uni<TemplateInstance> audit(@QueryParam("service") String service, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("cursor") String cursor) {
        // List.of(...).contains(null) throws: the first service when none (or no known one) is asked for.
        String shown = service != null && AUDITED.contains(service) ? service : AUDITED.get(0);
        return audit.trail(shown, Forms.blankToNull(actor), Forms.blankToNull(action), cursor, 50)
                .map(entries -> Templates.audit(AUDITED, shown, actor, action, entries));
    }

    private String pretty(JsonNode node) {
        try {
            return node == null ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException unprintable) {
            return node.toString();
        }
    }
}
