package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.applications.api.ApplicationView;
import uk.mathshubs.applications.api.ConfirmationView;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.mapping.ApplicationMapper;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The "application received" mail and the confirmation links follow just behind the intake (Acknowledgements): what
 * the school and the hub see in between, and what happens to a person erased in between.
 */
@QuarkusTest
class AcknowledgementsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationMapper mapper;

    @Test
    void beforeTheLinksGoOutTheApplicationShowsTheConfirmationsAwaitedAndIsNotComplete() throws Exception {
        String reference = apply(ApplicationForms.valid(ApplicationSubmissionTest.urn()));
        UUID id = idOf(reference);
        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(id).size() == 5);

        // As it stood between its intake and its acknowledgement: no confirmation yet, the acknowledgement due.
        QuarkusTransaction.begin();
        try {
            Application.getEntityManager().createNativeQuery("DELETE FROM commitment_confirmation WHERE application_id = :id")
                    .setParameter("id", id).executeUpdate();
            Application.getEntityManager().createNativeQuery("INSERT INTO acknowledgement_due (application_id) VALUES (:id)")
                    .setParameter("id", id).executeUpdate();
            Application application = Application.find("reference", reference).firstResult();
            ApplicationView view = mapper.toView(application);
            assertThat(view.confirmations()).extracting(ConfirmationView::role).containsExactly("HEADTEACHER",
                    "LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1", "LEAD_TEACHER_YEAR_2", "MATHS_LEAD");
            assertThat(view.confirmations()).allSatisfy(c -> assertThat(c.confirmedAt()).isNull());
            assertThat(view.complete()).isFalse();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void aPersonErasedBeforeTheLinksGoOutIsSentNothingAndTheirConfirmationStandsErased() throws Exception {
        String head = "hana." + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
        form.put("headteacher", Map.of("name", "Hana Head", "email", head));
        String reference = apply(form);
        UUID id = idOf(reference);
        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(id).size() == 5);

        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON).body(Map.of("email", head))
                .post("/api/v1/erasures").then().statusCode(202);
        // Back to how the application stood before its acknowledgement, the erasure already done: the batch behind the
        // intake now writes the links and the mails from what the erasure left.
        QuarkusTransaction.requiringNew().run(() -> {
            var entityManager = Application.getEntityManager();
            entityManager.createNativeQuery("DELETE FROM commitment_confirmation WHERE application_id = :id").setParameter("id", id)
                    .executeUpdate();
            entityManager.createNativeQuery("DELETE FROM notification WHERE application_id = :id").setParameter("id", id)
                    .executeUpdate();
            entityManager.createNativeQuery("INSERT INTO acknowledgement_due (application_id) VALUES (:id)").setParameter("id", id)
                    .executeUpdate();
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(id).size() == 5);
        assertThat(confirmations(id)).as("the headteacher's confirmation stands for the role, erased")
                .contains("HEADTEACHER Erased person erased.invalid").noneMatch(c -> c.contains("Hana") || c.contains(head));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(id).isEmpty());
        assertThat(mailsAbout(id)).as("the others' links and the main contact's acknowledgement; nothing to the erased")
                .contains("confirmation-request rita.reception@school.example", "application-received sam@elstonhall.example")
                .noneMatch(m -> m.endsWith("erased.invalid") || m.endsWith(head));
    }

    @Test
    void applicationsAcknowledgedInOneBatchEachGetTheirOwnLinksAndMails() throws Exception {
        Map<UUID, String> headByApplication = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String head = "head" + i + "." + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
            Map<String, Object> form = ApplicationForms.valid(ApplicationSubmissionTest.urn());
            form.put("headteacher", Map.of("name", "Head " + i, "email", head));
            headByApplication.put(idOf(apply(form)), head);
        }
        Map<UUID, Integer> mails = new LinkedHashMap<>();
        for (UUID id : headByApplication.keySet()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(id).size() == 5 && !acknowledgementMails(id).isEmpty());
            mails.put(id, acknowledgementMails(id).size());
        }
        // All three due again at once, as a rush leaves them: the next pass writes their links and mails together.
        QuarkusTransaction.requiringNew().run(() -> {
            var entityManager = Application.getEntityManager();
            entityManager.createNativeQuery("DELETE FROM commitment_confirmation WHERE application_id IN (:ids)")
                    .setParameter("ids", headByApplication.keySet()).executeUpdate();
            entityManager.createNativeQuery("""
                    DELETE FROM notification WHERE application_id IN (:ids) AND kind IN ('application-received', 'confirmation-request')""")
                    .setParameter("ids", headByApplication.keySet()).executeUpdate();
            for (UUID id : headByApplication.keySet()) {
                entityManager.createNativeQuery("INSERT INTO acknowledgement_due (application_id) VALUES (:id)").setParameter("id", id)
                        .executeUpdate();
            }
        });

        int i = 0;
        for (Map.Entry<UUID, String> application : headByApplication.entrySet()) {
            UUID id = application.getKey();
            String head = application.getValue();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> confirmations(id).size() == 5 && acknowledgementMails(id).size() == mails.get(id));
            List<String> others = headByApplication.values().stream().filter(other -> !other.equals(head)).toList();
            assertThat(confirmations(id)).as("its own headteacher's link").contains("HEADTEACHER Head " + i++ + " school.example");
            assertThat(acknowledgementMails(id)).as("its own people mailed, no other application's")
                    .contains("confirmation-request " + head, "application-received " + head)
                    .noneMatch(mail -> others.stream().anyMatch(mail::endsWith));
        }
    }

    private static String apply(Map<String, Object> form) {
        UUID group = WorkGroups.openGroup("CENTRAL", 5);
        String reference = given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON).body(form)
                .post("/api/v1/work-groups/{id}/applications", group).then().statusCode(201).extract().path("reference");
        Allocations.settled(group);
        return reference;
    }

    private UUID idOf(String reference) throws Exception {
        return query("SELECT id FROM application WHERE reference = ?", reference).stream().map(UUID::fromString).findFirst().orElseThrow();
    }

    /** "ROLE name domain" per confirmation of the application. */
    private List<String> confirmations(UUID application) throws Exception {
        return query("SELECT role || ' ' || name || ' ' || split_part(email, '@', 2) FROM commitment_confirmation WHERE application_id = ?",
                application);
    }

    /** "kind recipient" per mail about the application. */
    private List<String> mailsAbout(UUID application) throws Exception {
        return query("SELECT kind || ' ' || recipient FROM notification WHERE application_id = ?", application);
    }

    /** The "application received" mails and confirmation requests about the application (not its decision's). */
    private List<String> acknowledgementMails(UUID application) throws Exception {
        return mailsAbout(application).stream()
                .filter(mail -> mail.startsWith("application-received ") || mail.startsWith("confirmation-request ")).toList();
    }

    private List<String> query(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
