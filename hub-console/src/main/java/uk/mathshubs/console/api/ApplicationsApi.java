package uk.mathshubs.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** The applications service's part of the public API: applications and decisions, rule sets, trusts, erasures. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(SignedInPersonsToken.class)
@RegisterProvider(ProblemReader.class)
@Path("/api/v1")
public interface ApplicationsApi {

    @GET
    @Path("/work-groups/{id}/applications")
    Uni<Page<Application>> applications(@PathParam("id") UUID workGroupId, @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size);

    @GET
    @Path("/applications/{reference}")
    Uni<Application> application(@PathParam("reference") String reference);

    @POST
    @Path("/applications/{reference}/decision")
    Uni<Application> decide(@PathParam("reference") String reference, DecisionRequest decision);

    @GET
    @Path("/eligibility-rule-sets/{code}")
    Uni<RuleSet> ruleSet(@PathParam("code") String code);

    @POST
    @Path("/erasures")
    Uni<Erasure> erase(ErasureRequest request);

    @GET
    @Path("/trusts/{code}")
    Uni<Trust> trust(@PathParam("code") String code);

    @GET
    @Path("/trusts/{code}/applications")
    Uni<Page<Application>> trustApplications(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size);

    @GET
    @Path("/trusts/{code}/participation")
    Uni<TrustParticipation> trustParticipation(@PathParam("code") String code);

    record Application(String reference, UUID workGroupId, String status, Integer waitingListPosition,
            Instant submittedAt, LocalDate decisionDate, String decisionReason, String reasonCode, Instant offerExpiresAt,
            Eligibility eligibility, List<Confirmation> confirmations, boolean complete, School school,
            List<Person> people) {

        public long confirmed() {
            return confirmations == null ? 0 : confirmations.stream().filter(c -> c.confirmedAt() != null).count();
        }

        public int expected() {
            return confirmations == null ? 0 : confirmations.size();
        }
    }

    record Eligibility(String outcome, Check decidedBy, List<Check> checks, List<Check> warnings, Integer priority,
            String priorityReason) {

        /** The reason of the rule that decided the outcome, as the rule set words it. */
        public String decidingReason() {
            return decidedBy == null ? null : decidedBy.reason();
        }
    }

    record Check(String rule, String description, String outcome, String reason) {
    }

    record Confirmation(String role, String name, Instant confirmedAt) {
    }

    record School(String urn, String name, String localAuthority) {
    }

    record Person(String role, String name, String email) {
    }

    record DecisionRequest(String decision, String reason, String reasonCode) {
    }

    /** An eligibility rule set as the API keeps it: what the school declares, and the rules (shown as they are). */
    record RuleSet(String code, String title, List<Question> declarations, JsonNode rules) {
    }

    record Question(String key, String question) {
    }

    record ErasureRequest(String email, String trn) {
    }

    record Erasure(UUID id, String requestedBy, Instant erasedAt, Integer records, Integer applications) {
    }

    record Trust(String code, String name, List<School> schools) {
    }

    record TrustParticipation(String code, String name, List<SchoolParticipation> schools) {
    }

    record SchoolParticipation(String urn, String name, List<ParticipationRecord> participation) {
    }

    record ParticipationRecord(String programmeCode, String academicYear, String outcome, String source,
            Instant recordedAt) {
    }
}
