package uk.mathshubs.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The scheduling service's part of the public API: sessions, the register, the session plan, completion and surveys. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(SignedInPersonsToken.class)
@RegisterProvider(ProblemReader.class)
@Path("/api/v1")
public interface SchedulingApi {

    @GET
    @Path("/work-groups/{id}/sessions")
    Uni<Page<Session>> sessions(@PathParam("id") UUID workGroupId, @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size);

    @POST
    @Path("/work-groups/{id}/sessions")
    Uni<Session> schedule(@PathParam("id") UUID workGroupId, SessionRequest request);

    @GET
    @Path("/sessions/{id}")
    Uni<Session> session(@PathParam("id") UUID id);

    @POST
    @Path("/sessions/{id}/rescheduling")
    Uni<Session> move(@PathParam("id") UUID id, Move move);

    @POST
    @Path("/sessions/{id}/cancellation")
    Uni<Session> cancel(@PathParam("id") UUID id, Cancellation cancellation);

    @GET
    @Path("/sessions/{id}/attendance")
    Uni<Page<Attendance>> register(@PathParam("id") UUID sessionId, @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size);

    @PUT
    @Path("/sessions/{id}/attendance")
    Uni<List<Attendance>> record(@PathParam("id") UUID sessionId, Register register);

    @GET
    @Path("/work-groups/{id}/session-plan")
    Uni<SessionPlan> sessionPlan(@PathParam("id") UUID workGroupId);

    @GET
    @Path("/work-groups/{id}/completion")
    Uni<Completion> completion(@PathParam("id") UUID workGroupId);

    @GET
    @Path("/surveys")
    Uni<Page<Survey>> surveys(@QueryParam("programme") String programmeCode, @QueryParam("academicYear") String academicYear,
            @QueryParam("cursor") String cursor, @QueryParam("size") Integer size);

    @GET
    @Path("/surveys/{id}/results")
    Uni<SurveyResults> surveyResults(@PathParam("id") UUID surveyId, @QueryParam("workGroupId") UUID workGroupId);

    @GET
    @Path("/surveys/{id}/work-groups/{workGroupId}/invitations")
    Uni<Page<Invitee>> invitees(@PathParam("id") UUID surveyId, @PathParam("workGroupId") UUID workGroupId,
            @QueryParam("answered") Boolean answered, @QueryParam("cursor") String cursor, @QueryParam("size") Integer size);

    @POST
    @Path("/surveys/{id}/work-groups/{workGroupId}/reminders")
    Uni<Reminders> remind(@PathParam("id") UUID surveyId, @PathParam("workGroupId") UUID workGroupId);

    record Survey(UUID id, String programmeCode, String academicYear, String title, String audience, String sends) {
    }

    record SurveyResults(Integer invited, Integer answered, Boolean withheld, List<QuestionResult> questions) {
    }

    record QuestionResult(String key, String text, String type, Boolean addedByHub, Integer answers, Double mean,
            java.util.Map<String, Integer> counts) {
    }

    record Invitee(UUID participantId, String name, String role, String urn, String schoolName, Instant sentAt,
            Instant remindedAt, Boolean answered, Instant remindableFrom) {
    }

    record Reminders(Integer reminded, Integer remindedInTheLastWeek, Integer answered) {
    }

    record Session(UUID id, UUID workGroupId, Boolean central, String programmeCode, String title, String audience,
            String deliveryMode, Instant startsAt, Instant endsAt, String term, String location, String joinLink,
            String status, String statusReason, String reasonCode, Integer sequence) {

        public boolean isCentral() {
            return Boolean.TRUE.equals(central);
        }

        public boolean isCancelled() {
            return "CANCELLED".equals(status);
        }
    }

    record SessionRequest(String title, String audience, String deliveryMode, String startsAt, String endsAt,
            String location, String joinLink) {
    }

    record Move(String startsAt, String endsAt, String reason) {
    }

    record Cancellation(String reason, String reasonCode) {
    }

    record Attendance(UUID participantId, String urn, String schoolName, String name, String role, String attendance,
            Integer revision, Instant recordedAt, String recordedBy) {

        /** The register form's field for this person's mark. */
        public String field() {
            return "attendance-" + participantId;
        }
    }

    record Register(List<Mark> records) {
    }

    record Mark(UUID participantId, String attendance) {
    }

    record SessionPlan(String programmeCode, String academicYear, Integer localSessionsPerTerm, Boolean complete,
            List<TermPlan> terms) {
    }

    record TermPlan(String term, Integer required, Integer scheduled, Integer missing) {
    }

    record Completion(String programmeCode, String rule, List<SchoolProgress> schools) {
    }

    record SchoolProgress(String urn, String schoolName, Boolean complete, List<Requirement> requirements) {
    }

    record Requirement(String label, Integer attended, Integer counted, Integer needed, Boolean met) {
    }
}
