package uk.mathshubs.scheduling.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import uk.mathshubs.kit.input.Superseded;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.CancellationRequest;
import uk.mathshubs.scheduling.api.CentralSessionRequest;
import uk.mathshubs.scheduling.api.RecordingRequest;
import uk.mathshubs.scheduling.api.RescheduleRequest;
import uk.mathshubs.scheduling.api.SessionRequest;
import uk.mathshubs.scheduling.api.SessionView;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.mapping.SchedulingMapper;
import uk.mathshubs.scheduling.service.SessionService;

@Path("/api/v1")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final SchedulingMapper mapper;

    public SessionResource(SessionService sessions, SchedulingMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @GET
    @Path("/work-groups/{id}/sessions")
    @PermitAll
    @Operation(summary = "A Work Group's sessions: its local ones and the central ones of its programme and year, by start")
    @ArrayInVersion1
    public Page<SessionView> forWorkGroup(@PathParam("id") UUID workGroupId, @BeanParam PageRequest paging) {
        return Page.of(sessions.forWorkGroup(workGroupId).orElseThrow(NotFoundException::new).stream().map(mapper::toView).toList(),
                paging);
    }

    @POST
    @Path("/work-groups/{id}/sessions")
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Schedule a local session (the Work Group's hub)",
            description = "Times are UK local times (Europe/London), such as 2027-10-14T16:00. The school people it concerns are enrolled.")
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(schema = @Schema(implementation = SessionView.class)),
            headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public RestResponse<SessionView> scheduleLocal(@PathParam("id") UUID workGroupId, @NotNull @Valid SessionRequest request) {
        return created(sessions.scheduleLocal(workGroupId, request).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("/sessions/{id}")
    @PermitAll
    @Operation(summary = "One session, local or central")
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.find(id).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/sessions/{id}/rescheduling")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Move a session still to come, with the reason",
            description = "Its people stay enrolled; their calendars update the same event (same UID, higher SEQUENCE).")
    public SessionView reschedule(@PathParam("id") UUID id, @NotNull @Valid RescheduleRequest request) {
        return sessions.reschedule(id, request).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/sessions/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Cancel a session still to come, with the reason",
            description = "Calendars show it cancelled. The reason's text is required; its reasonCode (GET "
                    + "/api/v1/reason-codes/session-cancellation) is optional, NOT_GIVEN if none.")
    public SessionView cancel(@PathParam("id") UUID id, @NotNull @Valid CancellationRequest request) {
        return sessions.cancel(id, request.reasonCode(), request.reason()).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("/sessions/{id}/recording")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Add the recording of a session that has taken place (e.g. on the NCETM's portal)")
    public SessionView recording(@PathParam("id") UUID id, @NotNull @Valid RecordingRequest request) {
        return sessions.addRecording(id, request.recordingLink()).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/central-sessions")
    @PermitAll
    @Operation(summary = "The central (national) sessions of a programme in an academic year, by start")
    @ArrayInVersion1
    public Page<SessionView> central(
            @Parameter(description = "The programme's code", example = "MN_RKS1") @QueryParam("programme") String programme,
            @Parameter(deprecated = true, description = "The former name of programme, taken until 2027-06-30")
            @Superseded(by = "programme", since = "2026-12-03", sunset = "2027-06-30") @QueryParam("programmeCode") String programmeCode,
            @QueryParam("academicYear") @NotBlank String academicYear, @BeanParam PageRequest paging) {
        if (programme != null && programmeCode != null) {
            throw ProblemException.invalidField("programmeCode", "the former name of programme: send one of them");
        }
        String code = programme != null ? programme : programmeCode;
        if (code == null || code.isBlank()) {
            throw ProblemException.invalidField("programme", "must not be blank");
        }
        return Page.of(sessions.central(code, academicYear).stream().map(mapper::toView).toList(), paging);
    }

    @POST
    @Path("/central-sessions")
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Schedule a central session for every Work Group of a programme and year (NCETM only)",
            description = "Times are UK local times (Europe/London), such as 2027-09-16T16:00. The school people it concerns are enrolled.")
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(schema = @Schema(implementation = SessionView.class)),
            headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public RestResponse<SessionView> scheduleCentral(@NotNull @Valid CentralSessionRequest request) {
        return created(sessions.scheduleCentral(request));
    }

    private RestResponse<SessionView> created(Session session) {
        return RestResponse.ResponseBuilder.<SessionView>created(URI.create("/api/v1/sessions/" + session.id))
                .entity(mapper.toView(session)).build();
    }
}
