package uk.mathshubs.applications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.testsupport.EventPublisher;

/** Work Groups announced the way the catalogue announces them: as events on the real broker. */
final class WorkGroups {

    static final List<String> MN_RKS1_ROLES = List.of("LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1",
            "LEAD_TEACHER_YEAR_2", "MATHS_LEAD", "HEADTEACHER");

    private WorkGroups() {
    }

    /** An open Mastering Number R/KS1 group of the given hub and capacity, once this service has taken it in. */
    static UUID openGroup(String hub, int capacity) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.WORK_GROUP_PUBLISHED, id, new WorkGroupPayload(id, "MN_RKS1",
                    "Mastering Number at Reception and Key Stage 1", "MN_RKS1", MN_RKS1_ROLES, hub, "2027/28", capacity,
                    "FIRST_COME_FIRST_SERVED", "OPEN", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                    LocalDate.now().plusDays(40), 2));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> WorkGroups.known(id));
        return id;
    }

    /** The catalogue announcing a new capacity (as if it could not yet see the places given). */
    static void changeCapacity(UUID id, String hub, int capacity, long revision) {
        Instant now = Instant.now();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.WORK_GROUP_CHANGED, id, new WorkGroupPayload(id, "MN_RKS1",
                    "Mastering Number at Reception and Key Stage 1", "MN_RKS1", MN_RKS1_ROLES, hub, "2027/28", capacity,
                    "FIRST_COME_FIRST_SERVED", "OPEN", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                    LocalDate.now().plusDays(40), revision));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> WorkGroup.<WorkGroup>findById(id).revision == revision));
    }

    static boolean known(UUID id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> WorkGroup.findById(id) != null);
    }
}
