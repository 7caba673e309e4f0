package uk.mathshubs.applications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.testsupport.EventPublisher;

/** Work Groups announced the way the catalogue announces them: as events on the real broker. */
final class WorkGroups {

    static final String YEAR = "2027/28";
    static final List<String> MN_RKS1_ROLES = List.of("LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1",
            "LEAD_TEACHER_YEAR_2", "MATHS_LEAD", "HEADTEACHER");
    private static final Map<String, String> TITLES = Map.of("MN_RKS1", "Mastering Number at Reception and Key Stage 1",
            "MN_KS2", "Mastering Number at KS2");
    private static final Map<String, List<String>> ROLES = Map.of("MN_RKS1", MN_RKS1_ROLES,
            "MN_KS2", List.of("LEAD_TEACHER_YEAR_4", "LEAD_TEACHER_YEAR_5"));

    private WorkGroups() {
    }

    /** A Work Group as the catalogue describes it; change one thing at a time. */
    record Spec(UUID id, String programme, String hub, int capacity, String policy, String status, LocalDate confirmationDate,
            long revision) {

        Spec programme(String code) {
            return new Spec(id, code, hub, capacity, policy, status, confirmationDate, revision);
        }

        Spec capacity(int places) {
            return new Spec(id, programme, hub, places, policy, status, confirmationDate, revision + 1);
        }

        Spec byPriority() {
            return new Spec(id, programme, hub, capacity, "PRIORITY_RULES", status, confirmationDate, revision);
        }

        Spec closed() {
            return new Spec(id, programme, hub, capacity, policy, "CLOSED", confirmationDate, revision + 1);
        }

        Spec confirmedOn(LocalDate date) {
            return new Spec(id, programme, hub, capacity, policy, status, date, revision);
        }
    }

    /**
     * An open first-come-first-served Mastering Number R/KS1 group. Its confirmation date is today, so schools see
     * decisions at once; {@link Spec#confirmedOn} moves it.
     */
    static Spec spec(String hub, int capacity) {
        return new Spec(UUID.randomUUID(), "MN_RKS1", hub, capacity, "FIRST_COME_FIRST_SERVED", "OPEN", LocalDate.now(), 2);
    }

    static UUID openGroup(String hub, int capacity) {
        return publish(spec(hub, capacity));
    }

    /** Announces the group (published the first time, changed after) and waits until this service has taken it in. */
    static UUID publish(Spec spec) {
        Instant now = Instant.now();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(spec.revision() <= 2 ? EventType.WORK_GROUP_PUBLISHED : EventType.WORK_GROUP_CHANGED, spec.id(),
                    new WorkGroupPayload(spec.id(), spec.programme(), TITLES.get(spec.programme()), spec.programme(),
                            ROLES.get(spec.programme()), spec.hub(), YEAR, spec.capacity(), spec.policy(), spec.status(),
                            now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), spec.confirmationDate(), spec.revision()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> WorkGroup.<WorkGroup>findByIdOptional(spec.id()).map(g -> g.revision == spec.revision()).orElse(false)));
        return spec.id();
    }

    /** The catalogue announcing a new capacity (as if it could not yet see the places given). */
    static void changeCapacity(UUID id, String hub, int capacity, long revision) {
        publish(new Spec(id, "MN_RKS1", hub, capacity, "FIRST_COME_FIRST_SERVED", "OPEN", LocalDate.now(), revision));
    }
}
