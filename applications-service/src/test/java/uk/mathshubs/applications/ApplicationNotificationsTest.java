package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import uk.mathshubs.applications.notifications.DecisionAnnouncements;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.mail.NotificationDelivery;
import uk.mathshubs.kit.mail.NotificationRelay;
import uk.mathshubs.kit.mail.OutgoingMail;
import uk.mathshubs.kit.mail.UkDates;
import uk.mathshubs.testsupport.GreenMailResource;
import uk.mathshubs.testsupport.ReceivedMail;
import uk.mathshubs.testsupport.TestTokens;

/**
 * The emails an application causes, as a real SMTP server (GreenMail) receives them: received with its reference,
 * decisions on the confirmation date, offers with their deadline; written with the change (a rollback sends nothing),
 * retried while the mail server is down without the request waiting, and no address in the logs.
 */
@QuarkusTest
class ApplicationNotificationsTest {

    // Long enough for the mails of tests before this one (a thousand applications) to drain first.
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String HUB = "CENTRAL";
    private static final String GROUP_NAME = "Central Maths Hub's Mastering Number at Reception and Key Stage 1 Work Group for "
            + WorkGroups.YEAR;

    @Inject
    TestClock clock;

    @Inject
    DecisionAnnouncements announcements;

    @Inject
    MailOutbox outbox;

    @Inject
    NotificationRelay relay;

    @Inject
    NotificationDelivery delivery;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void realTimeAndMailServer() {
        clock.reset();
        GreenMailResource.startSmtp();
    }

    @Test
    void anApplicationIsAcknowledgedWithItsReferenceToTheMainContactAndTheHeadteacher() {
        UUID group = WorkGroups.openGroup(HUB, 5);
        School school = School.named("ack");
        String reference = school.apply(group).path("reference");

        ReceivedMail toContact = await().atMost(PATIENCE).until(() -> school.contactMail("Application received"), m -> m != null);
        assertThat(toContact.to()).containsExactly(school.contact());
        assertThat(toContact.subject()).isEqualTo("Application received: Elston Hall Primary School, "
                + "Mastering Number at Reception and Key Stage 1 (" + reference + ")");
        assertThat(toContact.text()).startsWith("Dear Sam Wycherley,")
                .contains("we have received Elston Hall Primary School's application for a place in " + GROUP_NAME)
                .contains("Your application reference is " + reference);
        ReceivedMail toHead = await().atMost(PATIENCE).until(() -> school.headMail("Application received"), m -> m != null);
        assertThat(toHead.text()).startsWith("Dear Ann Head,").contains(reference);

        // Its confirmation date is today: the place it was given is mailed at once.
        ReceivedMail place = await().atMost(PATIENCE).until(() -> school.contactMail("A place for"), m -> m != null);
        assertThat(place.subject()).isEqualTo("A place for Elston Hall Primary School in Mastering Number at Reception and Key Stage 1 ("
                + reference + ")");
        assertThat(place.text()).contains("Elston Hall Primary School has a place in " + GROUP_NAME, reference);
    }

    @Test
    void decisionsMadeBeforeTheConfirmationDateAreMailedOnThatDayAsTheyThenStand() {
        LocalDate confirmationDate = LocalDate.now(ZoneId.of("Europe/London")).plusDays(3);
        UUID group = WorkGroups.publish(WorkGroups.spec(HUB, 1).confirmedOn(confirmationDate));
        School placed = School.named("early-a");
        School waiting = School.named("early-b");
        String placedReference = placed.apply(group).path("reference");
        String waitingReference = waiting.apply(group).path("reference");

        // Acknowledged now, with the date they will hear; the decisions wait for it.
        ReceivedMail received = await().atMost(PATIENCE).until(() -> waiting.contactMail("Application received"), m -> m != null);
        assertThat(received.text()).contains("Schools hear whether they have a place on " + UkDates.ukDate(confirmationDate));
        await().atMost(PATIENCE).until(() -> placed.contactMail("Application received"), m -> m != null);
        announcements.announceDue(); // before the date: nothing of this group is due
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> placed.contactMail("A place for") == null && waiting.contactMail("Waiting list") == null);

        clock.advance(Duration.ofDays(4));
        assertThat(announcements.announceDue()).isPositive();

        ReceivedMail place = await().atMost(PATIENCE).until(() -> placed.contactMail("A place for"), m -> m != null);
        assertThat(place.text()).contains("has a place in " + GROUP_NAME, placedReference);
        ReceivedMail list = await().atMost(PATIENCE).until(() -> waiting.contactMail("Waiting list"), m -> m != null);
        assertThat(list.subject()).isEqualTo("Waiting list for Mastering Number at Reception and Key Stage 1: Elston Hall Primary School ("
                + waitingReference + ")");
        assertThat(list.text()).contains("is on the waiting list, at number 1", waitingReference);
        assertThat(ReceivedMail.to(waiting.head())).anySatisfy(mail -> assertThat(mail.subject()).startsWith("Waiting list"));

        // Announced once: another run, or another instance, mails nobody again.
        announcements.announceDue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> placed.count("A place for") == 1
                && waiting.count("Waiting list") == 1);

        // From the date on, a decision is mailed as it is made, with its reason.
        given().auth().oauth2(TestTokens.hubAdmin(HUB)).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "The school is closing in July"))
                .post("/api/v1/applications/{ref}/decision", waitingReference).then().statusCode(200);
        ReceivedMail rejected = await().atMost(PATIENCE).until(() -> waiting.contactMail("Your application for"), m -> m != null);
        assertThat(rejected.text()).contains("has not been given a place", "The school is closing in July", waitingReference);
    }

    @Test
    void aPlaceFromTheWaitingListIsMailedWithTheTimeItIsHeldUntilInUkTime() {
        UUID group = WorkGroups.openGroup(HUB, 1);
        School placed = School.named("offer-a");
        School waiting = School.named("offer-b");
        var first = placed.apply(group);
        String waitingReference = waiting.apply(group).path("reference");
        String waitingSecret = waiting.lastSecret;

        given().header("Application-Secret", first.<String>path("secret")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{ref}/withdrawal", first.<String>path("reference")).then().statusCode(200);
        Instant heldUntil = Instant.parse(given().header("Application-Secret", waitingSecret)
                .get("/api/v1/applications/{ref}", waitingReference)
                .then().statusCode(200).body("status", equalTo("OFFERED")).extract().path("offerExpiresAt"));

        ReceivedMail offer = await().atMost(PATIENCE).until(() -> waiting.contactMail("A place is offered"), m -> m != null);
        String deadline = UkDates.ukDateTime(heldUntil);
        assertThat(deadline).matches("\\d{2}:\\d{2} on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(offer.subject()).isEqualTo("A place is offered to Elston Hall Primary School: please reply by " + deadline + " ("
                + waitingReference + ")");
        assertThat(offer.text()).contains("The place is held for you until " + deadline + " (UK time)", waitingReference);
        assertThat(ReceivedMail.to(waiting.head())).anySatisfy(mail -> assertThat(mail.subject()).startsWith("A place is offered"));
    }

    @Test
    void whileTheMailServerIsDownTheSchoolIsAnsweredAtOnceAndItsMailsFollowOnceItIsBack() {
        UUID group = WorkGroups.openGroup(HUB, 5);
        School school = School.named("smtp-down");
        List<String> logged = new ArrayList<>();
        Handler capture = capture(logged);
        Logger.getLogger("").addHandler(capture);
        try {
            GreenMailResource.stopSmtp();
            String reference = given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                    .body(school.form()).post("/api/v1/work-groups/{id}/applications", group)
                    .then().statusCode(201).time(lessThan(5_000L)).extract().path("reference");

            // Tried, refused, and due again: nothing lost, nothing sent.
            await().atMost(PATIENCE).until(() -> attemptsTo(school.contact()) >= 2);
            assertThat(row(school.contact(), "sent_at")).isNull();
            assertThat((String) row(school.contact(), "last_error")).isNotBlank().doesNotContain(school.contact());

            GreenMailResource.startSmtp();
            ReceivedMail received = await().atMost(PATIENCE).until(() -> school.contactMail("Application received"), m -> m != null);
            assertThat(received.text()).contains(reference);
            await().atMost(PATIENCE).until(() -> school.headMail("Application received") != null);
            assertThat(school.count("Application received")).isEqualTo(1);
        } finally {
            Logger.getLogger("").removeHandler(capture);
            GreenMailResource.startSmtp();
        }
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("Could not send application-received mail"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).containsAnyOf(school.contact(), school.head(),
                school.teacher("rita"), "@" + school.domain()));
    }

    @Test
    void aMailIsWrittenWithTheChangeThatCausesItSoARollbackSendsNothing() {
        String rolledBack = "rolled-back-" + UUID.randomUUID() + "@school.example";
        String committed = "committed-" + UUID.randomUUID() + "@school.example";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(List.of(mail(rolledBack)));
            throw new IllegalStateException("the change fails after its mail was written");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> outbox.add(List.of(mail(committed))));

        await().atMost(PATIENCE).until(() -> !ReceivedMail.to(committed).isEmpty());
        relay.kick();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> ReceivedMail.to(rolledBack).isEmpty());
        assertThat(attemptsTo(rolledBack)).as("no row for the rolled-back mail").isEqualTo(-1);

        // Sent: what it said is not kept, who was sent what is, until the retention period is over.
        await().atMost(PATIENCE).until(() -> row(committed, "sent_at") != null);
        assertThat(row(committed, "body")).isNull();
        assertThat(row(committed, "subject")).isEqualTo("A test");
        clock.advance(Duration.ofDays(31));
        assertThat(delivery.deleteExpired()).isPositive();
        assertThat(attemptsTo(committed)).isEqualTo(-1);
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestPause() {
        assertThat(delivery.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delivery.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        // %test caps the pause at 2 s; the default is 15 min.
        assertThat(delivery.retryDelay(12)).isEqualTo(Duration.ofSeconds(2));
    }

    private static OutgoingMail mail(String to) {
        return new OutgoingMail("test", to, null, null, "A test", "Dear colleague,\n\nA test.\n", null, null);
    }

    /** How many times the mail to this address was tried; -1 when there is no such mail. */
    private int attemptsTo(String recipient) {
        Object attempts = row(recipient, "attempts");
        return attempts == null ? -1 : ((Number) attempts).intValue();
    }

    private Object row(String recipient, String column) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT " + column + " FROM notification WHERE recipient = :to ORDER BY created_at LIMIT 1")
                .setParameter("to", recipient).getResultList());
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private static Handler capture(List<String> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("com.icegreen")) {
                    return; // the test's own mail server, which logs the mailboxes it creates
                }
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (logged) {
                    logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A school applying with addresses of its own, so that each test reads only its own mail. */
    static final class School {
        final String tag;
        String lastSecret;

        private School(String tag) {
            this.tag = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        static School named(String tag) {
            return new School(tag);
        }

        String domain() {
            return tag + ".school.example";
        }

        String contact() {
            return "sam@" + domain();
        }

        String head() {
            return "head@" + domain();
        }

        String teacher(String name) {
            return name + "@" + domain();
        }

        Map<String, Object> form() {
            String urn = ApplicationSubmissionTest.urn();
            Map<String, Object> form = new HashMap<>(ApplicationForms.valid(urn));
            form.put("headteacher", Map.of("name", "Ann Head", "email", head()));
            form.put("mainContact", Map.of("name", "Sam Wycherley", "email", contact(), "trn", "12 34 567",
                    "schoolRoles", "Maths lead, Year 2 teacher"));
            form.put("leadTeachers", List.of(
                    teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", teacher("rita"), "1234567"),
                    teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", teacher("yusuf"), "2345678"),
                    teacher("LEAD_TEACHER_YEAR_2", "Yolanda Two", teacher("yolanda"), "3456789"),
                    teacher("MATHS_LEAD", "Sam Wycherley", teacher("sam.wycherley"), "1234567")));
            return form;
        }

        ExtractableResponse<Response> apply(UUID group) {
            ExtractableResponse<Response> submitted = given().auth().oauth2(TestTokens.hubWebsite(HUB)).contentType(ContentType.JSON)
                    .body(form()).post("/api/v1/work-groups/{id}/applications", group)
                    .then().statusCode(201).extract();
            Allocations.settled(group);
            lastSecret = submitted.path("secret");
            return submitted;
        }

        ReceivedMail contactMail(String subjectStart) {
            return first(contact(), subjectStart);
        }

        ReceivedMail headMail(String subjectStart) {
            return first(head(), subjectStart);
        }

        long count(String subjectStart) {
            return ReceivedMail.to(contact()).stream().filter(m -> m.subject().startsWith(subjectStart)).count();
        }

        private static ReceivedMail first(String address, String subjectStart) {
            return ReceivedMail.to(address).stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst().orElse(null);
        }

        private static Map<String, Object> teacher(String role, String name, String email, String trn) {
            return Map.of("role", role, "name", name, "email", email, "trn", trn, "schoolRoles", "Class teacher");
        }
    }
}
