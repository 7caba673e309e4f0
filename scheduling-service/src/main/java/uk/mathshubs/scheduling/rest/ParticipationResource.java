package uk.mathshubs.scheduling.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.Page;
import uk.mathshubs.scheduling.api.ParticipantRow;
import uk.mathshubs.scheduling.api.ParticipantView;
import uk.mathshubs.scheduling.mapping.SchedulingMapper;
import uk.mathshubs.scheduling.service.ParticipantFeed;
import uk.mathshubs.scheduling.service.ParticipationService;

@Path("/api/v1/participation")
@Tag(name = "Participation")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipationResource {

    static final String CSV = "text/csv";

    private final ParticipationService participation;
    private final SchedulingMapper mapper;
    private final ParticipantFeed feed;
    private final Caller caller;

    public ParticipationResource(ParticipationService participation, SchedulingMapper mapper, ParticipantFeed feed,
            Caller caller) {
        this.participation = participation;
        this.mapper = mapper;
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Path("/participants")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every participant, page by page, for the NCETM's sync (personal data: NCETM and programme admins only)",
            description = "Pages follow the order in which rows last changed; follow next until it is null. A row that "
                    + "changes during the sync comes again later with its new values, so upsert by participantId. For "
                    + "the next sync, pass updated_since a little before the start of the last one (see the README). "
                    + "Ask for text/csv to get every matching row in one streamed CSV instead.")
    public Page<ParticipantRow> participants(
            @Parameter(example = "MN_RKS1") @QueryParam("programme") String programme,
            @Parameter(example = "CENTRAL") @QueryParam("hub") String hub,
            @Parameter(example = "2027/28") @QueryParam("academicYear") String academicYear,
            @QueryParam("workGroupId") UUID workGroupId,
            @Parameter(example = "137001") @QueryParam("urn") String urn,
            @Parameter(example = "2027-09-01T00:00:00Z") @QueryParam("updated_since") String updatedSince,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Rows per page: 100 unless asked, at most 1000", example = "500") @QueryParam("size") Integer size) {
        return feed.page(new ParticipantFeed.Filter(programme, hub, academicYear, workGroupId, urn, updatedSince), cursor, size);
    }

    @GET
    @Path("/participants")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching participant as CSV, streamed (for analysts)")
    public Response participantsCsv(@QueryParam("programme") String programme, @QueryParam("hub") String hub,
            @QueryParam("academicYear") String academicYear, @QueryParam("workGroupId") UUID workGroupId,
            @QueryParam("urn") String urn, @QueryParam("updated_since") String updatedSince) {
        ParticipantFeed.Filter filter = new ParticipantFeed.Filter(programme, hub, academicYear, workGroupId, urn, updatedSince);
        filter.since(); // a bad date is a 400 now, not a broken stream later
        String client = caller.name();
        StreamingOutput body = out -> feed.csv(filter,
                new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 64 * 1024),
                client);
        return Response.ok(body, CSV + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"participants.csv\"").build();
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
