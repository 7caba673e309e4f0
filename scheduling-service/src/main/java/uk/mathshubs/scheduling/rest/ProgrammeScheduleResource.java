package uk.mathshubs.scheduling.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.CompletionView;
import uk.mathshubs.scheduling.api.ProgrammeScheduleView;
import uk.mathshubs.scheduling.api.SessionPlanView;
import uk.mathshubs.scheduling.mapping.SchedulingMapper;
import uk.mathshubs.scheduling.service.CompletionService;

/** What programmes ask of a Work Group's sessions and of its schools, and how far each Work Group is. */
@Path("/api/v1")
@Tag(name = "Completion")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeScheduleResource {

    private final CompletionService completion;
    private final SchedulingMapper mapper;

    public ProgrammeScheduleResource(CompletionService completion, SchedulingMapper mapper) {
        this.completion = completion;
        this.mapper = mapper;
    }

    @GET
    @Path("/programme-schedules/{code}")
    @PermitAll
    @Operation(summary = "A programme's local sessions per term and its completion rule")
    public ProgrammeScheduleView schedule(@PathParam("code") String programmeCode) {
        return completion.schedule(programmeCode).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("/programme-schedules/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Set a programme's local sessions per term and completion rule (NCETM)")
    public ProgrammeScheduleView setSchedule(
            @PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a programme code, like MN_KS2") String programmeCode,
            @NotNull @Valid ProgrammeScheduleView request) {
        return mapper.toView(completion.setSchedule(programmeCode, request));
    }

    @GET
    @Path("/work-groups/{id}/session-plan")
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "The local sessions the programme asks for, term by term, and which are still missing")
    public SessionPlanView plan(@PathParam("id") UUID workGroupId) {
        return completion.plan(workGroupId).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/work-groups/{id}/completion")
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Each school's progress towards completing the Work Group, requirement by requirement")
    public CompletionView completion(@PathParam("id") UUID workGroupId) {
        return completion.progress(workGroupId).map(mapper::toView).orElseThrow(NotFoundException::new);
    }
}
