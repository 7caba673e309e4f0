package uk.mathshubs.scheduling.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.mathshubs.scheduling.api.SurveyInvitationView;
import uk.mathshubs.scheduling.api.SurveyResponseRequest;
import uk.mathshubs.scheduling.service.SurveyInvitations;

/** A person's single-use survey link: the token is the key, no sign-in (a hub website's page calls these for them). */
@Path("/api/v1/survey-invitations/{token}")
@Tag(name = "Surveys")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SurveyInvitationResource {

    private final SurveyInvitations invitations;

    public SurveyInvitationResource(SurveyInvitations invitations) {
        this.invitations = invitations;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The survey to answer",
            content = @Content(schema = @Schema(implementation = SurveyInvitationView.class)))
    @APIResponse(responseCode = "410", description = "The link has been used: the survey was answered")
    @Operation(summary = "The survey behind a person's single-use link: its questions, the programme's then the hub's",
            description = "404 for a link that never was; 410 once it has been answered.")
    public SurveyInvitationView open(@PathParam("token") String token) {
        return invitations.open(token);
    }

    @POST
    @Path("/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "Answered; the link is used up")
    @APIResponse(responseCode = "410", description = "The link has been used: the survey was answered")
    @Operation(summary = "Answer the survey, once",
            description = "Answers are stored without the person's name; only that they answered is kept with them. A 400 "
                    + "names the answer refused (answers.<key>); a second answer is a 410.")
    public void answer(@PathParam("token") String token, @NotNull @Valid SurveyResponseRequest request) {
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        request.answers().forEach(answers::set);
        invitations.answer(token, answers);
    }
}
