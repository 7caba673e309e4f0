package uk.mathshubs.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.KafkaResource;
import uk.mathshubs.testsupport.TestTokens;

/** Work Groups and accepted schools announced as the other services announce them: events on the real broker. */
final class Fixtures {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Fixtures() {
    }

    /** A code of its own for each test: central sessions are shared by every group of a programme and year. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A published Work Group of the given hub, programme and year, once this service has taken it in. */
    static UUID workGroup(String hub, String programme, String year) {
        return workGroup(UUID.randomUUID(), hub, programme, year);
    }

    static UUID workGroup(UUID id, String hub, String programme, String year) {
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.WORK_GROUP_PUBLISHED, id, workGroupPayload(id, hub, programme, year, "OPEN", 1));
        }
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/work-groups/{id}/sessions", id).statusCode() == 200);
        return id;
    }

    static WorkGroupPayload workGroupPayload(UUID id, String hub, String programme, String year, String status, long revision) {
        Instant now = Instant.now();
        return new WorkGroupPayload(id, programme, "Programme " + programme, programme,
                List.of("LEAD_TEACHER_YEAR_4", "LEAD_TEACHER_YEAR_5", "MATHS_LEAD", "HEADTEACHER"), hub, year, 50,
                "FIRST_COME_FIRST_SERVED", status, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(2)),
                LocalDate.now().minusDays(1), revision); // decisions released: its people hear of their sessions at once
    }

    static ApplicationAccepted.Participant person(String role) {
        return new ApplicationAccepted.Participant(UUID.randomUUID(), role, "Person " + role,
                role.toLowerCase() + "@school.example", "1234567");
    }

    static ApplicationAccepted accepted(UUID group, String programme, String year, String urn,
            List<ApplicationAccepted.Participant> people) {
        return new ApplicationAccepted(UUID.randomUUID(), "MH-" + urn, group, "ANY", programme, year, urn,
                "School " + urn, people, Instant.now());
    }

    /** A local session, scheduled by the programme admin; returns its id. */
    static String local(UUID group, String audience, String startsAt, String endsAt) {
        return given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(session(audience, startsAt, endsAt))
                .post("/api/v1/work-groups/{id}/sessions", group)
                .then().statusCode(201).extract().path("id");
    }

    /** A central session of a programme and year; returns its id. */
    static String central(String programme, String year, String audience, String startsAt, String endsAt) {
        return central(programme, year, audience, "ONLINE_WORKSHOP", startsAt, endsAt);
    }

    static String central(String programme, String year, String audience, String deliveryMode, String startsAt,
            String endsAt) {
        Map<String, Object> body = session(audience, startsAt, endsAt);
        body.put("deliveryMode", deliveryMode);
        body.put("programmeCode", programme);
        body.put("academicYear", year);
        return given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/central-sessions")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> session(String audience, String startsAt, String endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", audience + " session at " + startsAt);
        body.put("audience", audience);
        body.put("deliveryMode", "ONLINE_WORKSHOP");
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        return body;
    }

    /** Announces a school's acceptance, as the applications service does, and waits until its people are in. */
    static ApplicationAccepted enrol(UUID group, String programme, String year, String urn,
            List<ApplicationAccepted.Participant> people) {
        ApplicationAccepted accepted = accepted(group, programme, year, urn, people);
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.APPLICATION_ACCEPTED, accepted.applicationId(), accepted);
        }
        await().atMost(PATIENCE).until(() -> participants(group).stream()
                .filter(p -> urn.equals(p.get("urn"))).count() == people.size());
        return accepted;
    }

    /** The hub records the same answer for each of these people at the session. */
    static void attend(String hub, String session, List<String> people, String attendance) {
        given().auth().oauth2(TestTokens.hubAdmin(hub)).contentType(ContentType.JSON)
                .body(Map.of("records", people.stream().map(p -> Map.of("participantId", p, "attendance", attendance)).toList()))
                .put("/api/v1/sessions/{id}/attendance", session).then().statusCode(200);
    }

    /** Each participant's role (or name) with the sessions they are enrolled in, as the NCETM pulls them. */
    static List<Map<String, Object>> participants(UUID group) {
        return given().auth().oauth2(TestTokens.programmeAdmin())
                .get("/api/v1/participation/work-groups/{id}/participants", group)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** True once this service has handled the event with this id (its effect commits with this record). */
    static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).intValue() == 1);
    }

    /** An event sent, and the key it was sent with (events with one key stay in order). */
    record Published(String id, String key) {
    }

    /** A CloudEvent of a type no contract defines, such as a newer producer might send. */
    static Published publishUnknown(String topic, String key, String type) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, "{\"something\":\"new\"}");
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", (EventType.SOURCE_PREFIX + "tests").getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Published(id, key);
    }
}
