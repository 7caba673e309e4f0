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

/** The scheduling service's part of the public API: sessions, the register, the session plan and completion. */
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
