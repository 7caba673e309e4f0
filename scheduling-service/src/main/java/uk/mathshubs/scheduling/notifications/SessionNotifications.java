package uk.mathshubs.scheduling.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.mathshubs.kit.mail.HubNames;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.mail.OutgoingMail;
import uk.mathshubs.kit.mail.UkDates;
import uk.mathshubs.scheduling.calendar.ICalendarWriter;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.SessionStatus;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.notifications.SessionMails.SessionMail;

/**
 * Which emails a change to who is expected where causes, written in the change's own transaction (see
 * {@link MailOutbox}); each carries the session's calendar file (iTIP, same UID as the calendar feeds):
 * <ul>
 * <li>a person enrolled (their school accepted), or a new session for people already enrolled: an invitation,
 * METHOD:REQUEST;</li>
 * <li>a session moved: the new times and the reason, METHOD:REQUEST with the raised SEQUENCE;</li>
 * <li>a session cancelled: the reason, METHOD:CANCEL.</li>
 * </ul>
 * Nobody is mailed about a session that has already started, and nobody before their Work Group's confirmation
 * date: an invitation would tell a school it has a place before decisions are released ({@link InvitationRelease}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionNotifications {

    static final String INVITATION = "session-invitation";
    static final String MOVED = "session-moved";
    static final String CANCELLED = "session-cancelled";

    private final MailOutbox outbox;
    private final HubNames hubs;
    private final SessionNotificationsConfig config;
    private final EntityManager entityManager;
    private final Clock clock;

    public SessionNotifications(MailOutbox outbox, HubNames hubs, SessionNotificationsConfig config,
            EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.hubs = hubs;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * A person just enrolled: an invitation to each session still to come they are expected at; held, if their Work
     * Group's decisions are not yet released, for {@link InvitationRelease} to send on the day.
     */
    public void enrolled(Participant person) {
        if (!decisionsReleased(person.workGroupId)) {
            return;
        }
        List<Session> sessions = entityManager.createNativeQuery("""
                SELECT s.* FROM session s JOIN enrolment e ON e.session_id = s.id
                WHERE e.participant_id = :participant AND s.status = :scheduled AND s.starts_at > :now
                ORDER BY s.starts_at, s.id""", Session.class)
                .setParameter("participant", person.id)
                .setParameter("scheduled", SessionStatus.SCHEDULED.name())
                .setParameter("now", clock.instant())
                .getResultList();
        List<OutgoingMail> mails = new ArrayList<>();
        for (Session session : sessions) {
            mails.add(mail(INVITATION, "Invitation: ", "REQUEST", session, person, SessionMails::invitation));
        }
        outbox.add(mails);
    }

    /** A new session: an invitation to each person already enrolled in it. */
    public void scheduled(Session session) {
        toEveryoneExpected(session, INVITATION, "Invitation: ", "REQUEST", SessionMails::invitation);
    }

    /** A session moved: its new times and the reason; calendars update the entry they hold (same UID, higher SEQUENCE). */
    public void moved(Session session) {
        toEveryoneExpected(session, MOVED, "Moved: ", "REQUEST", SessionMails::moved);
    }

    /** A session cancelled, with the reason; calendars remove the entry. */
    public void cancelled(Session session) {
        toEveryoneExpected(session, CANCELLED, "Cancelled: ", "CANCEL", SessionMails::cancelled);
    }

    private void toEveryoneExpected(Session session, String kind, String subjectStart, String method,
            Function<SessionMail, String> template) {
        if (!session.startsAt.isAfter(clock.instant())) {
            return; // past sessions are nobody's news
        }
        // Only the people of Work Groups whose decisions are out: the others hear of the session, as it then stands, on
        // their confirmation date.
        Set<UUID> released = releasedGroupsExpectedAt(session);
        List<Participant> people = entityManager.createNativeQuery("""
                SELECT p.* FROM participant p JOIN enrolment e ON e.participant_id = p.id
                WHERE e.session_id = :session AND p.withdrawn_at IS NULL
                ORDER BY p.id""", Participant.class)
                .setParameter("session", session.id)
                .getResultList();
        // Someone named in two roles (the headteacher who is also the maths lead) hears once.
        Set<String> addresses = new HashSet<>();
        List<OutgoingMail> mails = new ArrayList<>();
        for (Participant person : people) {
            if (released.contains(person.workGroupId) && addresses.add(person.email.toLowerCase(Locale.ROOT))) {
                mails.add(mail(kind, subjectStart, method, session, person, template));
            }
        }
        outbox.add(mails);
    }

    /** Whether the group's people may hear of their sessions now. */
    private boolean decisionsReleased(UUID workGroupId) {
        return released("g.id = :key", workGroupId).contains(workGroupId);
    }

    private Set<UUID> releasedGroupsExpectedAt(Session session) {
        return released("""
                g.id IN (SELECT p.work_group_id FROM participant p JOIN enrolment e ON e.participant_id = p.id
                         WHERE e.session_id = :key)""", session.id);
    }

    /**
     * Of the Work Groups matching, those whose decisions are released. Every row matching is share-locked, whatever it
     * says: a release committing at the same moment either waits for this transaction, and then mails what it wrote,
     * or is waited for, and then read as it committed. (Filtering on the column in SQL would skip, unlocked, a row
     * whose release is being committed, and the mail would be lost between the two transactions.)
     */
    private Set<UUID> released(String which, UUID key) {
        @SuppressWarnings("unchecked")
        List<Object[]> groups = entityManager.createNativeQuery(
                        "SELECT g.id, g.decisions_released_at FROM work_group g WHERE " + which + " FOR SHARE")
                .setParameter("key", key)
                .getResultList();
        Set<UUID> released = new HashSet<>();
        groups.stream().filter(group -> group[1] != null).forEach(group -> released.add((UUID) group[0]));
        return released;
    }

    private OutgoingMail mail(String kind, String subjectStart, String method, Session session, Participant person,
            Function<SessionMail, String> template) {
        Instant now = clock.instant();
        WorkGroup group = WorkGroup.findById(person.workGroupId);
        String hub = group == null ? null : hubs.of(group.hubCode);
        String programme = WorkGroupWords.programme(group, person.programmeCode);
        String workGroup = WorkGroupWords.workGroup(hub, programme, person.academicYear);
        String runBy = session.isCentral() ? "the NCETM, for every " + programme + " Work Group"
                : hub == null ? "your Maths Hub" : hub;
        SessionMail mail = new SessionMail(person.name, words(person.role), person.schoolName, workGroup, runBy,
                session.isCentral(), session.title, capitalised(words(session.deliveryMode.name())), session.startsAt,
                session.endsAt, session.location, session.joinLink, method.equals("CANCEL") || kind.equals(MOVED)
                        ? session.statusReason : null);
        String calendar = ICalendarWriter.message(method, session, config.organizer(), person.name, person.email, now);
        return new OutgoingMail(kind, person.email, person.id, session.id,
                subjectStart + session.title + ", " + UkDates.ukDate(session.startsAt) + " " + UkDates.ukTime(session.startsAt),
                template.apply(mail),
                new OutgoingMail.Attachment(method.equals("CANCEL") ? "cancellation.ics" : "invitation.ics",
                        "text/calendar; charset=UTF-8; method=" + method, calendar),
                now);
    }

    /** LEAD_TEACHER_YEAR_4: "lead teacher year 4". */
    private static String words(String code) {
        return code.toLowerCase(Locale.UK).replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
