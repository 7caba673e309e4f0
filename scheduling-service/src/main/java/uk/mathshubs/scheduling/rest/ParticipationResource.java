package uk.mathshubs.scheduling.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.input.Deprecations;
import uk.mathshubs.kit.input.Superseded;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.scheduling.api.SyncPage;
import uk.mathshubs.scheduling.api.SchoolMoveRow;
import uk.mathshubs.scheduling.api.SurveyAnswerRow;
import uk.mathshubs.scheduling.service.SchoolMoveFeed;
import uk.mathshubs.scheduling.service.SurveyAnswerFeed;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.AttendanceRow;
import uk.mathshubs.scheduling.api.CompletionRow;
import uk.mathshubs.scheduling.api.ParticipantRow;
import uk.mathshubs.scheduling.api.ParticipantView;
import uk.mathshubs.scheduling.api.SchoolRow;
import uk.mathshubs.scheduling.api.SessionRow;
import uk.mathshubs.scheduling.mapping.SchedulingMapper;
import uk.mathshubs.scheduling.service.AttendanceFeed;
import uk.mathshubs.scheduling.service.CompletionFeed;
import uk.mathshubs.scheduling.service.ParticipantFeed;
import uk.mathshubs.scheduling.service.ParticipationService;
import uk.mathshubs.scheduling.service.SchoolFeed;
import uk.mathshubs.scheduling.service.SessionFeed;
import uk.mathshubs.scheduling.service.SyncFeed;

@Path("/api/v1/participation")
@Tag(name = "Participation")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipationResource {

    static final String CSV = "text/csv";

    private final ParticipationService participation;
    private final SchedulingMapper mapper;
    private final ParticipantFeed participants;
    private final AttendanceFeed attendance;
    private final SchoolFeed schools;
    private final SessionFeed sessions;
    private final CompletionFeed completions;
    private final SchoolMoveFeed schoolMoves;
    private final SurveyAnswerFeed surveyAnswers;
    private final Caller caller;
    private final HttpHeaders headers;

    public ParticipationResource(ParticipationService participation, SchedulingMapper mapper, ParticipantFeed participants,
            AttendanceFeed attendance, SchoolFeed schools, SessionFeed sessions, CompletionFeed completions,
            SchoolMoveFeed schoolMoves, SurveyAnswerFeed surveyAnswers, Caller caller, HttpHeaders headers) {
        this.surveyAnswers = surveyAnswers;
        this.schoolMoves = schoolMoves;
        this.headers = headers;
        this.participation = participation;
        this.mapper = mapper;
        this.participants = participants;
        this.attendance = attendance;
        this.schools = schools;
        this.sessions = sessions;
        this.completions = completions;
        this.caller = caller;
    }

    @GET
    @Path("/participants")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every participant, page by page, for the NCETM's sync (personal data: NCETM and programme admins only)",
            description = SYNC)
    public SyncPage<ParticipantRow> participants(@BeanParam SyncQuery query) {
        return participants.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/participants")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching participant as CSV, streamed (for analysts)")
    public Response participantsCsv(@BeanParam SyncQuery query) {
        return csv(participants, query, "participants.csv");
    }

    @GET
    @Path("/attendance")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every attendance record, page by page, for the NCETM's sync", description = SYNC)
    public SyncPage<AttendanceRow> attendance(@BeanParam SyncQuery query) {
        return attendance.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/attendance")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching attendance record as CSV, streamed (for analysts)")
    public Response attendanceCsv(@BeanParam SyncQuery query) {
        return csv(attendance, query, "attendance.csv");
    }

    @GET
    @Path("/schools")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every school's application to every Work Group, with its status and the date of each step",
            description = SYNC)
    public SyncPage<SchoolRow> schools(@BeanParam SyncQuery query) {
        return schools.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/schools")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching school's application as CSV, streamed (for analysts)")
    public Response schoolsCsv(@BeanParam SyncQuery query) {
        return csv(schools, query, "schools.csv");
    }

    @GET
    @Path("/sessions")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every session, local and central, page by page, for the NCETM's sync",
            description = SYNC + " A hub's filter gives the local sessions it runs; a Work Group's filter also gives the "
                    + "central sessions of its programme and year. Sessions take no urn filter.")
    public SyncPage<SessionRow> sessions(@BeanParam SyncQuery query) {
        return sessions.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/sessions")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching session as CSV, streamed (for analysts)")
    public Response sessionsCsv(@BeanParam SyncQuery query) {
        return csv(sessions, query, "sessions.csv");
    }

    @GET
    @Path("/completions")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Whether each school completed each Work Group's programme, decided when the Work Group completed",
            description = SYNC)
    public SyncPage<CompletionRow> completions(@BeanParam SyncQuery query) {
        return completions.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/completions")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching completion as CSV, streamed (for analysts)")
    public Response completionsCsv(@BeanParam SyncQuery query) {
        return csv(completions, query, "completions.csv");
    }

    @GET
    @Path("/school-moves")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Schools whose history moved to a successor URN (an academy conversion, a merger), for the NCETM's sync",
            description = SYNC + " What a copy holds under urn belongs to successorUrn from movedAt. Filters: urn (a move from "
                    + "or to it) and updatedSince only.")
    public SyncPage<SchoolMoveRow> schoolMoves(@BeanParam SyncQuery query) {
        return schoolMoves.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/school-moves")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching move of a school's history as CSV, streamed (for analysts)")
    public Response schoolMovesCsv(@BeanParam SyncQuery query) {
        return csv(schoolMoves, query, "school-moves.csv");
    }

    @GET
    @Path("/survey-answers")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every answer to every evaluation survey's questions, free text included, never a name",
            description = SYNC + " One row per question answered; a response's rows share its responseId. urn is filled "
                    + "for surveys per school only.")
    public SyncPage<SurveyAnswerRow> surveyAnswers(@BeanParam SyncQuery query) {
        return surveyAnswers.page(query.filter(), query.cursor, query.size, caller.name());
    }

    @GET
    @Path("/survey-answers")
    @Produces(CSV)
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Every matching survey answer as CSV, streamed (for analysts)")
    public Response surveyAnswersCsv(@BeanParam SyncQuery query) {
        return csv(surveyAnswers, query, "survey-answers.csv");
    }

    /**
     * The CSV's header names its columns as the JSON names its fields. The former snake_case header is still given,
     * until its sunset, to a caller that asks for it ({@code Accept: text/csv; header=snake_case}); that answer says
     * it will go (Deprecation, Sunset).
     */
    private Response csv(SyncFeed<?> feed, SyncQuery query, String filename) {
        SyncFeed.Filter filter = query.filter();
        filter.since(); // a bad date is a 400 now, not a broken stream later
        String client = caller.name();
        boolean formerHeader = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> FORMER_HEADER.equalsIgnoreCase(type.getParameters().get("header")));
        StreamingOutput body = out -> feed.csv(filter,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), client, formerHeader);
        Response.ResponseBuilder response = Response.ok(body, CSV + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        if (formerHeader) {
            Deprecations.headers(FORMER_HEADER_SINCE, FORMER_HEADER_SUNSET).forEach(response::header);
        }
        return response.build();
    }

    private static final String FORMER_HEADER = "snake_case";
    private static final String FORMER_HEADER_SINCE = "2026-12-03";
    private static final String FORMER_HEADER_SUNSET = "2027-06-30";

    /** The filters and paging every sync resource takes. */
    public static class SyncQuery {
        @Parameter(example = "MN_RKS1") @QueryParam("programme") String programme;
        @Parameter(example = "CENTRAL") @QueryParam("hub") String hub;
        @Parameter(example = "2027/28") @QueryParam("academicYear") String academicYear;
        @QueryParam("workGroupId") UUID workGroupId;
        @Parameter(example = "137001") @QueryParam("urn") String urn;
        @Parameter(description = "Only rows changed at or after this time (ISO 8601 with offset)", example = "2027-09-01T00:00:00Z")
        @QueryParam("updatedSince") String updatedSince;
        /** The former spelling, still taken; answers to it carry Deprecation and Sunset. */
        @Parameter(deprecated = true, description = "The former spelling of updatedSince, taken until 2027-06-30")
        @Superseded(by = "updatedSince", since = "2026-12-03", sunset = "2027-06-30")
        @QueryParam("updated_since") String formerUpdatedSince;
        @Parameter(description = "The previous page's next") @QueryParam("cursor") String cursor;
        @Parameter(description = "Rows per page: 100 unless asked, at most 1000", example = "500") @QueryParam("size") Integer size;

        SyncFeed.Filter filter() {
            if (updatedSince != null && formerUpdatedSince != null) {
                throw ProblemException.invalidField("updated_since", "the former spelling of updatedSince: send one of them");
            }
            return updatedSince != null || formerUpdatedSince == null
                    ? new SyncFeed.Filter(programme, hub, academicYear, workGroupId, urn, "updatedSince", updatedSince)
                    : new SyncFeed.Filter(programme, hub, academicYear, workGroupId, urn, "updated_since", formerUpdatedSince);
        }
    }

    private static final String SYNC = "Pages follow the order in which rows last changed; follow next until it is null. "
            + "A row that changes during the sync comes again later with its new values, so upsert by its key; a row with "
            + "deletedAt is a tombstone: delete its key. For the next sync, pass updatedSince the watermark of the last page "
            + "of this one (see the README). Ask for text/csv to get every matching row in one streamed CSV instead.";

    @GET
    @Path("/work-groups/{id}/participants")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.HUB_ADMIN})
    @Operation(summary = "A Work Group's participants, by school, and the sessions each is enrolled in (NCETM, or the group's hub)")
    @ArrayInVersion1
    public Page<ParticipantView> workGroupParticipants(@PathParam("id") UUID workGroupId, @BeanParam PageRequest paging) {
        return Page.of(participation.participants(workGroupId).orElseThrow(NotFoundException::new)
                .stream().map(mapper::toView).toList(), paging);
    }
}
