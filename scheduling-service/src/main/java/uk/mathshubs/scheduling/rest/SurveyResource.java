package uk.mathshubs.scheduling.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.HubQuestionsRequest;
import uk.mathshubs.scheduling.api.HubQuestionsView;
import uk.mathshubs.scheduling.api.InviteeView;
import uk.mathshubs.scheduling.api.ReminderResult;
import uk.mathshubs.scheduling.api.SurveyRequest;
import uk.mathshubs.scheduling.api.SurveyResults;
import uk.mathshubs.scheduling.api.SurveyView;
import uk.mathshubs.scheduling.service.SurveyInvitations;
import uk.mathshubs.scheduling.service.Surveys;

/** Evaluation surveys: defined by the programme team, extended, chased and read by hubs for their own Work Groups. */
@Path("/api/v1/surveys")
@Tag(name = "Surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final Surveys surveys;
    private final SurveyInvitations invitations;

    public SurveyResource(Surveys surveys, SurveyInvitations invitations) {
        this.surveys = surveys;
        this.invitations = invitations;
    }

    @POST
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Define a programme's evaluation survey for an academic year (programme admins)",
            description = "Its questions are data: SCALE, CHOICE or TEXT, required or not. It goes to each person taking part "
                    + "(audience PERSON) or to each school's headteacher (SCHOOL), by a single-use link in an email: after a "
                    + "central session (AFTER_SESSION, to those recorded as attending it) or when each Work Group completes "
                    + "(AT_COMPLETION). A title is unique within the programme's year (409).")
    @APIResponse(responseCode = "201", description = "Defined", content = @Content(schema = @Schema(implementation = SurveyView.class)),
            headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public RestResponse<SurveyView> define(@NotNull @Valid SurveyRequest request) {
        SurveyView survey = surveys.define(request);
        return RestResponse.ResponseBuilder.<SurveyView>created(URI.create("/api/v1/surveys/" + survey.id())).entity(survey).build();
    }

    @GET
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.HUB_ADMIN})
    @Operation(summary = "The evaluation surveys, newest year first (programme admins, the NCETM, hub admins)")
    public Page<SurveyView> list(@Parameter(example = "MN_RKS1") @QueryParam("programme") String programme,
            @Parameter(example = "2027/28") @QueryParam("academicYear") String academicYear, @BeanParam PageRequest paging) {
        return Page.of(surveys.list(programme, academicYear), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.HUB_ADMIN})
    @Operation(summary = "One evaluation survey and its programme's questions")
    public SurveyView get(@PathParam("id") UUID id) {
        return surveys.find(id).map(Surveys.Survey::view).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/{id}/work-groups/{workGroupId}/questions")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.HUB_ADMIN})
    @Operation(summary = "The questions a hub added for one of its Work Groups (none until it adds some)",
            description = "The NCETM reads them to know what a hub's answers in its feed (addedByHub) were asked.")
    public HubQuestionsView hubQuestions(@PathParam("id") UUID id, @PathParam("workGroupId") UUID workGroupId) {
        return surveys.hubQuestions(id, workGroupId);
    }

    @PUT
    @Path("/{id}/work-groups/{workGroupId}/questions")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Add the hub's own questions for one of its Work Groups (replacing any it added)",
            description = "Asked after the programme's, until the survey goes out to the Work Group (409 after). Keys differ "
                    + "from the programme's questions' keys.")
    public HubQuestionsView setHubQuestions(@PathParam("id") UUID id, @PathParam("workGroupId") UUID workGroupId,
            @NotNull @Valid HubQuestionsRequest request) {
        return surveys.setHubQuestions(id, workGroupId, request.questions());
    }

    @GET
    @Path("/{id}/work-groups/{workGroupId}/invitations")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Who in one of the hub's Work Groups was asked, and whether they answered (never what)")
    public Page<InviteeView> invitations(@PathParam("id") UUID id, @PathParam("workGroupId") UUID workGroupId,
            @Parameter(description = "false: only those who have not answered") @QueryParam("answered") Boolean answered,
            @BeanParam PageRequest paging) {
        return Page.of(surveys.invitees(id, workGroupId, answered), paging);
    }

    @POST
    @Path("/{id}/work-groups/{workGroupId}/reminders")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Remind those in the Work Group who have not answered",
            description = "At most one email a week per person: those mailed in the last seven days are counted, not mailed.")
    public ReminderResult remind(@PathParam("id") UUID id, @PathParam("workGroupId") UUID workGroupId) {
        return invitations.remind(id, workGroupId);
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.HUB_ADMIN})
    @Operation(summary = "The answers counted: for a Work Group, a hub or the whole programme",
            description = "Scale answers as counts per value and their mean, choices as counts per option, free text as a count "
                    + "(the text itself is in the NCETM's feed, /participation/survey-answers). A hub admin sees their own hub "
                    + "(the default) and its Work Groups only. The hub's own questions are counted for one Work Group at a time.")
    public SurveyResults results(@PathParam("id") UUID id, @QueryParam("workGroupId") UUID workGroupId,
            @Parameter(example = "CENTRAL") @QueryParam("hub") String hub) {
        return surveys.results(id, workGroupId, hub);
    }
}
