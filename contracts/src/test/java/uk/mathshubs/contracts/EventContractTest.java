package uk.mathshubs.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitingListMoved;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.contracts.applications.SchoolSuccessorRecorded;
import uk.mathshubs.contracts.catalogue.ProgrammePayload;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.contracts.scheduling.AttendanceRecorded;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.contracts.scheduling.ParticipationCompletionRevoked;
import uk.mathshubs.contracts.scheduling.SessionPayload;

class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID ID = UUID.fromString("0b9f7c52-3c1e-4d53-8c7e-5b0f3c2a9d11");
    private static final Instant AT = Instant.parse("2024-03-01T17:00:00Z");

    private static final Map<Class<?>, Record> EXAMPLES = Map.ofEntries(
            Map.entry(ProgrammePayload.class, new ProgrammePayload("MN_KS2", "Mastering Number at KS2", List.of("Year 4", "Year 5"),
                    List.of("LEAD_TEACHER_YEAR_4", "LEAD_TEACHER_YEAR_5"), "MN_KS2", 4, 1)),
            Map.entry(WorkGroupPayload.class, new WorkGroupPayload(ID, "MN_RKS1", "Mastering Number at Reception and Key Stage 1", "MN_RKS1",
                    List.of("HEADTEACHER", "MATHS_LEAD", "LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1", "LEAD_TEACHER_YEAR_2"),
                    "CENTRAL", "2024/25", 50, "FIRST_COME_FIRST_SERVED", "OPEN", AT.minusSeconds(86_400 * 60), AT,
                    LocalDate.of(2024, 3, 7), 3)),
            Map.entry(ApplicationSubmitted.class, new ApplicationSubmitted(ID, "MH-7Q4K-2M9X", ID, "CENTRAL", "103456", "Elston Hall Primary School", AT)),
            Map.entry(ApplicationAccepted.class, new ApplicationAccepted(ID, "MH-7Q4K-2M9X", ID, "CENTRAL", "MN_RKS1", "2024/25", "103456",
                    "Elston Hall Primary School",
                    List.of(new ApplicationAccepted.Participant(ID, "HEADTEACHER", "Ann Head", "head@example.org", "0123456")), AT)),
            Map.entry(ApplicationWaitlisted.class, new ApplicationWaitlisted(ID, "MH-7Q4K-2M9X", ID, "103456", 1)),
            Map.entry(ApplicationWaitingListMoved.class, new ApplicationWaitingListMoved(ID, "MH-7Q4K-2M9X", ID, "103456", 3)),
            Map.entry(ApplicationWithdrawn.class, new ApplicationWithdrawn(ID, "MH-7Q4K-2M9X", ID, "103456", true, AT, "STAFF_CHANGES")),
            Map.entry(SessionPayload.class, new SessionPayload(ID, null, "MN_KS2", "2024/25", "YouTube Live launch", "LEAD_TEACHERS",
                    "LIVE_ONLINE", Instant.parse("2024-09-12T15:00:00Z"), Instant.parse("2024-09-12T16:00:00Z"), "SCHEDULED", 0, null, null)),
            Map.entry(AttendanceRecorded.class, new AttendanceRecorded(ID,
                    List.of(new AttendanceRecorded.Entry(ID, ID, "103456", "APOLOGIES")), AT)),
            Map.entry(ParticipationCompleted.class, new ParticipationCompleted(ID, "MN_RKS1", "2024/25", "103456", AT)),
            Map.entry(ParticipationCompletionRevoked.class, new ParticipationCompletionRevoked(ID, "MN_RKS1", "2024/25", "103456", AT)),
            Map.entry(ApplicationRejected.class, new ApplicationRejected(ID, "MH-7Q4K-2M9X", ID, "103456", false, "The school is in Wales", AT, "NOT_ELIGIBLE")),
            Map.entry(ApplicationOffered.class, new ApplicationOffered(ID, "MH-7Q4K-2M9X", ID, "103456", AT)),
            Map.entry(ApplicationOfferEnded.class, new ApplicationOfferEnded(ID, "MH-7Q4K-2M9X", ID, "103456", AT, "NOT_GIVEN")),
            Map.entry(ApplicationPeopleErased.class, new ApplicationPeopleErased(ID, "MH-7Q4K-2M9X", ID, List.of(ID), AT)),
            Map.entry(SchoolSuccessorRecorded.class, new SchoolSuccessorRecorded("103456", "148012", "Successor", AT)));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleOfEveryEventSatisfiesItsSchema(EventType type) {
        JsonNode payload = JSON.valueToTree(EXAMPLES.get(type.payloadType()));

        assertThat(EventSchemas.violations(type, payload)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaNamesExactlyThePayloadRecordsFields(EventType type) {
        JsonNode properties = schemaJson(type).get("properties");
        var schemaFields = new TreeSet<String>();
        properties.fieldNames().forEachRemaining(schemaFields::add);
        var recordFields = new TreeSet<String>();
        Arrays.stream(type.payloadType().getRecordComponents()).forEach(c -> recordFields.add(c.getName()));

        assertThat(schemaFields).as("schema %s drifted from %s", type.schemaResource(), type.payloadType().getSimpleName())
                .isEqualTo(recordFields);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadMissingARequiredFieldIsRejected(EventType type) {
        ObjectNode payload = JSON.valueToTree(EXAMPLES.get(type.payloadType()));
        String first = type.payloadType().getRecordComponents()[0].getName();
        payload.remove(first);

        assertThat(EventSchemas.violations(type, payload)).anySatisfy(v -> assertThat(v).contains(first));
    }

    /** Reason codes came later as an optional field (same version): a payload from before them still reads. */
    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"APPLICATION_REJECTED", "APPLICATION_WITHDRAWN", "APPLICATION_OFFER_DECLINED",
            "APPLICATION_OFFER_EXPIRED", "SESSION_CANCELLED"})
    void reasonCodesAreOptionalAndUpperSnakeCase(EventType type) {
        ObjectNode before = JSON.valueToTree(EXAMPLES.get(type.payloadType()));
        before.remove("reasonCode");
        ObjectNode lowerCase = JSON.valueToTree(EXAMPLES.get(type.payloadType()));
        lowerCase.put("reasonCode", "staff changes");

        assertThat(EventSchemas.violations(type, before)).isEmpty();
        assertThat(EventSchemas.violations(type, lowerCase)).anySatisfy(v -> assertThat(v).contains("reasonCode"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typesAreVersionedAndUnique(EventType type) {
        assertThat(type.type()).matches("uk\\.mathshubs\\.[a-z-]+\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
        assertThat(EventType.fromType(type.type())).contains(type);
    }

    private static JsonNode schemaJson(EventType type) {
        try (var in = EventContractTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
