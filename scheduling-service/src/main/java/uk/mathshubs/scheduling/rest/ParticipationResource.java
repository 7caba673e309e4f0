package uk.mathshubs.scheduling.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.ParticipantView;
import uk.mathshubs.scheduling.mapping.SchedulingMapper;
import uk.mathshubs.scheduling.service.ParticipationService;

@Path("/api/v1/participation")
@Tag(name = "Participation")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipationResource {

    private final ParticipationService participation;
    private final SchedulingMapper mapper;

    public ParticipationResource(ParticipationService participation, SchedulingMapper mapper) {
        this.participation = participation;
        this.mapper = mapper;
    }

    @GET
    @Path("/work-groups/{id}/participants")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.HUB_ADMIN})
    @Operation(summary = "A Work Group's participants, by school, and the sessions each is enrolled in (NCETM, or the group's hub)")
    public List<ParticipantView> participants(@PathParam("id") UUID workGroupId) {
        return participation.participants(workGroupId).orElseThrow(NotFoundException::new)
                .stream().map(mapper::toView).toList();
    }
}
