package uk.mathshubs.applications.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import uk.mathshubs.applications.api.EligibilityCheckRequest;
import uk.mathshubs.applications.api.EligibilityView;
import uk.mathshubs.applications.api.RuleSetView;
import uk.mathshubs.applications.domain.eligibility.RuleSet;
import uk.mathshubs.applications.mapping.ApplicationMapper;
import uk.mathshubs.applications.service.ApplicationService;
import uk.mathshubs.applications.service.EligibilityService;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1")
@Tag(name = "Eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    private final ApplicationService applications;
    private final EligibilityService eligibility;
    private final ApplicationMapper mapper;
    private final Caller caller;

    public EligibilityResource(ApplicationService applications, EligibilityService eligibility, ApplicationMapper mapper,
            Caller caller) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @Path("/work-groups/{id}/eligibility-check")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Is this school eligible for this Work Group? Asked without applying",
            description = "ELIGIBLE, INELIGIBLE or NEEDS_REVIEW (its hub will look at it with the school), always with the deciding "
                    + "rule in the programme's words and the reason; also every check made, any warnings, and the school's priority.")
    public EligibilityView check(@PathParam("id") UUID workGroupId, @NotNull @Valid EligibilityCheckRequest request) {
        return applications.precheck(workGroupId, request.urn(), request.declarationsOrNone()).map(mapper::toView)
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/eligibility-rule-sets/{code}")
    @PermitAll
    @Operation(summary = "A programme's eligibility rules as data, with the declaration questions its form must ask")
    public RuleSetView ruleSet(@PathParam("code") String code) {
        JsonNode document = eligibility.document(code).orElseThrow(NotFoundException::new);
        return view(eligibility.ruleSet(code), document);
    }

    @PUT
    @Path("/eligibility-rule-sets/{code}")
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Write or change a rule set (programme admins); checked in full, used from the next application on")
    public RuleSetView save(@PathParam("code") String code, @NotNull JsonNode document) {
        return view(eligibility.save(code, document, caller.name()), document);
    }

    private static RuleSetView view(RuleSet ruleSet, JsonNode document) {
        List<RuleSetView.Question> questions = ruleSet.declarations().stream()
                .map(d -> new RuleSetView.Question(d.declaration(), d.question())).toList();
        return new RuleSetView(ruleSet.code(), ruleSet.title(), questions, document);
    }
}
