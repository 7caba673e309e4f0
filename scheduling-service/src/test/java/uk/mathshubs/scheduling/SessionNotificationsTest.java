package uk.mathshubs.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static uk.mathshubs.scheduling.Fixtures.PATIENCE;
import static uk.mathshubs.scheduling.Fixtures.enrol;
import static uk.mathshubs.scheduling.Fixtures.local;
import static uk.mathshubs.scheduling.Fixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.scheduling.notifications.InvitationRelease;
import uk.mathshubs.testsupport.EventPublisher;
import uk.mathshubs.testsupport.GreenMailResource;
import uk.mathshubs.testsupport.ReceivedMail;

/**
 * The emails sessions cause, as a real SMTP server (GreenMail) receives them, each with its calendar file: invitations
 * when people are enrolled and when a session is added, updates when one moves (REQUEST, raised SEQUENCE) and
 * cancellations (CANCEL); nothing about sessions already past; retried while the mail server is down.
 */
@QuarkusTest
class SessionNotificationsTest {

    private static final String YEAR = "2027/28";
    private static final String HUB = "CENTRAL";

    @Inject
    TestClock clock;

    @Inject
    InvitationRelease release;

    @AfterEach
    void realTimeAndMailServer() {
        clock.reset();
        GreenMailResource.startSmtp();
    }

    @Test
    void peopleEnrolledAreInvitedToEachSessionStillToComeThatIsMeantForThem() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(HUB, programme, YEAR);
        String past = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        String toCome = local(group, "LEAD_TEACHERS", "2028-01-20T16:00", "2028-01-20T17:30");
        // The first session has taken place by the time the school is accepted.
        clock.set(Instant.parse("2027-10-15T09:00:00Z"));
        Person teacher = Person.named("LEAD_TEACHER_YEAR_4", "Fola Four");
        Person head = Person.named("HEADTEACHER", "Ann Head");
        enrol(group, programme, YEAR, "137101", List.of(teacher.participant(), head.participant()));

        ReceivedMail invitation = await().atMost(PATIENCE).until(() -> teacher.mail("Invitation: "), m -> m != null);
        assertThat(invitation.to()).containsExactly(teacher.email());
        assertThat(invitation.subject()).isEqualTo("Invitation: LEAD_TEACHERS session at 2028-01-20T16:00, Thursday 20 January 2028 16:00");
        assertThat(invitation.text()).startsWith("Dear Fola Four,")
                .contains("as lead teacher year 4 for School 137101 in Central Maths Hub's Programme " + programme
                        + " Work Group for 2027/28",
                        "local session", "Thursday 20 January 2028, 16:00 to 17:30 (UK time)", "Online workshop, run by Central Maths Hub");
        ReceivedMail.Attachment ics = invitation.attachment("text/calendar").orElseThrow();
        assertThat(ics.fileName()).isEqualTo("invitation.ics");
        assertThat(ics.contentType()).contains("method=REQUEST");
        assertThat(unfolded(ics)).contains("METHOD:REQUEST", "UID:" + toCome + "@sessions.mathshubs.uk", "SEQUENCE:0",
                "DTSTART;TZID=Europe/London:20280120T160000", "DTEND;TZID=Europe/London:20280120T173000",
                "ATTENDEE;CN=\"Fola Four\";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + teacher.email(),
                "ORGANIZER:mailto:no-reply@mathshubs.example", "STATUS:CONFIRMED");

        // Nothing about the session already past, nor to the headteacher, whom lead teachers' sessions do not expect.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> teacher.count("Invitation: ") == 1
                && ReceivedMail.to(head.email()).isEmpty());
        assertThat(teacher.mail("Invitation: ").attachment("text/calendar").map(SessionNotificationsTest::unfolded).orElseThrow()).doesNotContain(past);
    }

    /**
     * An invitation tells a school it has a place, so none goes before the Work Group's confirmation date: not at
     * acceptance, not for a session added or moved meanwhile. On the date each person is invited once to each session
     * still to come, as it stands then.
     */
    @Test
    void nobodyIsInvitedBeforeTheConfirmationDateAndOnItEveryoneIsInvitedToTheSessionsAsTheyStand() {
        String programme = unique("P");
        UUID group = UUID.randomUUID();
        LocalDate confirmationDate = LocalDate.of(2027, 3, 7);
        clock.set(Instant.parse("2027-02-01T09:00:00Z"));
        WorkGroupPayload held = Fixtures.workGroupPayload(group, HUB, programme, YEAR, "OPEN", 1);
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventType.WORK_GROUP_PUBLISHED, group, new WorkGroupPayload(group, programme, held.programmeTitle(),
                    held.eligibilityRuleSet(), held.requiredRoles(), HUB, YEAR, 50, held.allocationPolicy(), "OPEN",
                    Instant.parse("2027-01-05T09:00:00Z"), Instant.parse("2027-02-28T17:00:00Z"), confirmationDate, 1));
        }
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/work-groups/{id}/sessions", group).statusCode() == 200);
        String first = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        Person teacher = Person.named("LEAD_TEACHER_YEAR_4", "Fola Four");
        Person head = Person.named("HEADTEACHER", "Ann Head");
        enrol(group, programme, YEAR, "137107", List.of(teacher.participant(), head.participant()));
        // Meanwhile the hub adds a session for everyone and moves the first.
        String second = local(group, "EVERYONE", "2027-11-04T16:00", "2027-11-04T17:00");
        SessionChangesTest.reschedule(HUB, first, "2027-10-21T16:00", "2027-10-21T17:30", "The hall is being painted").statusCode(200);

        // The day before: the release finds nothing due, and nobody has heard a thing.
        clock.set(Instant.parse("2027-03-06T23:30:00Z"));
        assertThat(release.release()).isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> ReceivedMail.to(teacher.email()).isEmpty() && ReceivedMail.to(head.email()).isEmpty());

        // On the date (UK time), one invitation per person and session, with the session's times as they are now.
        clock.set(Instant.parse("2027-03-07T00:05:00Z"));
        assertThat(release.release()).isPositive();
        await().atMost(PATIENCE).until(() -> teacher.count("Invitation: ") == 2 && head.count("Invitation: ") == 1);
        assertThat(ReceivedMail.to(teacher.email())).extracting(ReceivedMail::subject).allMatch(subject -> subject.startsWith("Invitation: "));
        assertThat(ReceivedMail.to(teacher.email())).map(mail -> mail.attachment("text/calendar").map(SessionNotificationsTest::unfolded).orElseThrow())
                .anySatisfy(ics -> assertThat(ics).contains("UID:" + first + "@sessions.mathshubs.uk", "DTSTART;TZID=Europe/London:20271021T160000"))
                .anySatisfy(ics -> assertThat(ics).contains("UID:" + second + "@sessions.mathshubs.uk"));
        assertThat(head.mail("Invitation: ").attachment("text/calendar").map(SessionNotificationsTest::unfolded).orElseThrow())
                .contains("UID:" + second + "@sessions.mathshubs.uk");

        // Released once: from now on changes are mailed as they happen, and a second release sends nothing again.
        assertThat(release.release()).isZero();
        SessionChangesTest.reschedule(HUB, second, "2027-11-11T16:00", "2027-11-11T17:00", "Clash with parents' evening").statusCode(200);
        await().atMost(PATIENCE).until(() -> head.mail("Moved: ") != null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> head.count("Invitation: ") == 1);
    }

    @Test
    void aWorkGroupTakenInBeforeTitlesWereKeptIsNamedByItsProgrammeCode() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(HUB, programme, YEAR);
        // As a copy from before V9 holds it, until the group's next event brings the title.
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE work_group SET programme_title = NULL WHERE id = :id")
                .setParameter("id", group).executeUpdate());
        local(group, "LEAD_TEACHERS", "2028-01-20T16:00", "2028-01-20T17:30");
        Person teacher = Person.named("LEAD_TEACHER_YEAR_4", "Fola Four");
        enrol(group, programme, YEAR, "137106", List.of(teacher.participant()));

        ReceivedMail invitation = await().atMost(PATIENCE).until(() -> teacher.mail("Invitation: "), m -> m != null);
        assertThat(invitation.text()).contains("for School 137106 in Central Maths Hub's " + programme + " Work Group for 2027/28");
    }

    @Test
    void aNewSessionInvitesThePeopleAlreadyEnrolledOnceEachEvenInTwoRoles() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(HUB, programme, YEAR);
        Person teacher = Person.named("LEAD_TEACHER_YEAR_5", "Femi Five");
        Person head = Person.named("HEADTEACHER", "Ann Head");
        Person headAsMathsLead = head.as("MATHS_LEAD");
        enrol(group, programme, YEAR, "137102", List.of(teacher.participant(), head.participant(), headAsMathsLead.participant()));

        String id = local(group, "EVERYONE", "2027-11-04T16:00", "2027-11-04T17:00");

        ReceivedMail toTeacher = await().atMost(PATIENCE).until(() -> teacher.mail("Invitation: "), m -> m != null);
        assertThat(toTeacher.attachment("text/calendar").map(SessionNotificationsTest::unfolded).orElseThrow())
                .contains("UID:" + id + "@sessions.mathshubs.uk", "DTSTART;TZID=Europe/London:20271104T160000");
        await().atMost(PATIENCE).until(() -> head.mail("Invitation: ") != null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> head.count("Invitation: ") == 1);
    }

    @Test
    void aMovedSessionIsMailedWithItsNewTimesAndReasonAndUpdatesTheCalendarEntry() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(HUB, programme, YEAR);
        String id = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        Person teacher = Person.named("LEAD_TEACHER_YEAR_4", "Fola Four");
        enrol(group, programme, YEAR, "137103", List.of(teacher.participant()));
        await().atMost(PATIENCE).until(() -> teacher.mail("Invitation: ") != null);

        SessionChangesTest.reschedule(HUB, id, "2027-11-04T16:00", "2027-11-04T17:30", "The hall is being painted").statusCode(200);

        ReceivedMail moved = await().atMost(PATIENCE).until(() -> teacher.mail("Moved: "), m -> m != null);
        assertThat(moved.subject()).isEqualTo("Moved: LEAD_TEACHERS session at 2027-10-14T16:00, Thursday 4 November 2027 16:00");
        assertThat(moved.text()).contains("has moved", "now Thursday 4 November 2027, 16:00 to 17:30 (UK time)",
                "Why it moved: The hall is being painted");
        assertThat(moved.attachment("text/calendar").map(SessionNotificationsTest::unfolded).orElseThrow()).contains("METHOD:REQUEST",
                "UID:" + id + "@sessions.mathshubs.uk", "SEQUENCE:1", "DTSTART;TZID=Europe/London:20271104T160000");
    }

    @Test
    void aCancelledSessionIsMailedWithItsReasonAndRemovesTheCalendarEntry() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(HUB, programme, YEAR);
        String id = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
        Person teacher = Person.named("LEAD_TEACHER_YEAR_4", "Fola Four");
        enrol(group, programme, YEAR, "137104", List.of(teacher.participant()));
        await().atMost(PATIENCE).until(() -> teacher.mail("Invitation: ") != null);

        SessionChangesTest.cancel(HUB, id, "The presenter is ill").statusCode(200);

        ReceivedMail cancelled = await().atMost(PATIENCE).until(() -> teacher.mail("Cancelled: "), m -> m != null);
        assertThat(cancelled.text()).contains("has been cancelled", "Thursday 14 October 2027, 16:00 to 17:30 (UK time)",
                "Why: The presenter is ill");
        ReceivedMail.Attachment ics = cancelled.attachment("text/calendar").orElseThrow();
        assertThat(ics.fileName()).isEqualTo("cancellation.ics");
        assertThat(ics.contentType()).contains("method=CANCEL");
        assertThat(unfolded(ics)).contains("METHOD:CANCEL", "UID:" + id + "@sessions.mathshubs.uk", "SEQUENCE:1",
                "STATUS:CANCELLED", "DTSTART;TZID=Europe/London:20271014T160000");
    }

    @Test
    void whileTheMailServerIsDownTheHubIsAnsweredAtOnceAndTheInvitationsFollowOnceItIsBack() {
        String programme = unique("P");
        UUID group = Fixtures.workGroup(HUB, programme, YEAR);
        Person teacher = Person.named("LEAD_TEACHER_YEAR_4", "Fola Four");
        enrol(group, programme, YEAR, "137105", List.of(teacher.participant()));
        try {
            GreenMailResource.stopSmtp();
            long started = System.nanoTime();
            String id = local(group, "LEAD_TEACHERS", "2027-10-14T16:00", "2027-10-14T17:30");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            GreenMailResource.startSmtp();
            ReceivedMail invitation = await().atMost(PATIENCE).until(() -> teacher.mail("Invitation: "), m -> m != null);
            assertThat(invitation.attachment("text/calendar").map(SessionNotificationsTest::unfolded).orElseThrow()).contains("UID:" + id + "@sessions.mathshubs.uk");
        } finally {
            GreenMailResource.startSmtp();
        }
    }

    /** The calendar file with its long lines unfolded (RFC 5545 3.1). */
    private static String unfolded(ReceivedMail.Attachment ics) {
        return ics.content().replace("\r\n ", "").replace("\n ", "");
    }

    /** Someone an accepted school names, with an address of their own so that each test reads only its own mail. */
    record Person(UUID id, String role, String name, String email) {

        static Person named(String role, String name) {
            return new Person(UUID.randomUUID(), role, name,
                    name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example");
        }

        /** The same person named again in another role (the same address). */
        Person as(String otherRole) {
            return new Person(UUID.randomUUID(), otherRole, name, email);
        }

        ApplicationAccepted.Participant participant() {
            return new ApplicationAccepted.Participant(id, role, name, email, "1234567");
        }

        ReceivedMail mail(String subjectStart) {
            return ReceivedMail.to(email).stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst().orElse(null);
        }

        long count(String subjectStart) {
            return ReceivedMail.to(email).stream().filter(m -> m.subject().startsWith(subjectStart)).count();
        }
    }
}
