package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.mail.HubNames;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.mail.OutgoingMail;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.scheduling.api.ReminderResult;
import uk.mathshubs.scheduling.api.SurveyInvitationView;
import uk.mathshubs.scheduling.api.SurveyRequest.Audience;
import uk.mathshubs.scheduling.api.SurveyRequest.Sends;
import uk.mathshubs.scheduling.config.AfterTheYearConfig;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.Secrets;
import uk.mathshubs.scheduling.domain.SurveyQuestion;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.notifications.AfterTheYearMails;
import uk.mathshubs.scheduling.notifications.AfterTheYearMails.SurveyMail;
import uk.mathshubs.scheduling.notifications.WorkGroupWords;
import uk.mathshubs.scheduling.service.Surveys.Survey;

/**
 * A survey going out and coming back: each person (or each school's headteacher) is mailed a single-use link when
 * the survey's moment comes (recorded as attending its session, or their Work Group completing); the answers are
 * stored apart from the person, who is only marked as having answered; reminders go at most once a week. Erasure
 * removes the person from their invitation; their answers stay, anonymous as they always were.
 */
@ApplicationScoped
@Transactional
public class SurveyInvitations {

    private final EntityManager entityManager;
    private final Surveys surveys;
    private final MailOutbox mails;
    private final HubNames hubs;
    private final AfterTheYearConfig config;
    private final Clock clock;

    public SurveyInvitations(EntityManager entityManager, Surveys surveys, MailOutbox mails, HubNames hubs,
            AfterTheYearConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.surveys = surveys;
        this.mails = mails;
        this.hubs = hubs;
        this.config = config;
        this.clock = clock;
    }

    /** The Work Group completed: its surveys sent at completion go to everyone still taking part. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void workGroupCompleted(WorkGroup group) {
        for (Survey survey : surveys.sentWhen(Sends.AT_COMPLETION, group.programmeCode, group.academicYear)) {
            invite(survey, Participant.list("workGroupId = ?1 and withdrawnAt is null", group.id));
        }
    }

    /** People were recorded as attending a session: the surveys sent after it go to them (or their headteachers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attended(UUID sessionId, Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return;
        }
        List<Survey> after = surveys.afterSession(sessionId);
        if (after.isEmpty()) {
            return;
        }
        List<Participant> attended = Participant.list("id in ?1", participantIds);
        after.forEach(survey -> invite(survey, attended));
    }

    /** A survey defined after its session's register was taken goes at once to those who attended. */
    @Transactional(Transactional.TxType.MANDATORY)
    void attendedAlready(Survey survey) {
        @SuppressWarnings("unchecked")
        List<UUID> attended = entityManager.createNativeQuery("""
                SELECT participant_id FROM attendance WHERE session_id = :session AND attendance = 'ATTENDED'""", UUID.class)
                .setParameter("session", survey.sessionId()).getResultList();
        attended(survey.sessionId(), attended);
    }

    /** A survey sent at completion, defined after some of its Work Groups completed: it goes to those too. */
    @Transactional(Transactional.TxType.MANDATORY)
    void completedAlready(Survey survey) {
        WorkGroup.<WorkGroup>list("programmeCode = ?1 and academicYear = ?2 and status = 'COMPLETED'", survey.programmeCode(),
                survey.academicYear()).forEach(group -> invite(survey, Participant.list("workGroupId = ?1", group.id)));
    }

    /**
     * One invitation per person and survey, whatever the number of times the moment is met (a register corrected, an
     * event redelivered): the unique key decides, and only a row written now is mailed.
     */
    private void invite(Survey survey, List<Participant> people) {
        Instant now = clock.instant();
        List<OutgoingMail> mailed = new ArrayList<>();
        for (Participant person : recipients(survey, people)) {
            String token = Secrets.newLinkToken();
            int written = entityManager.createNativeQuery("""
                    INSERT INTO survey_invitation (id, survey_id, work_group_id, participant_id, token, sent_at)
                    VALUES (:id, :survey, :group, :person, :token, :at) ON CONFLICT (survey_id, participant_id) DO NOTHING""")
                    .setParameter("id", TimeOrderedIds.next()).setParameter("survey", survey.id())
                    .setParameter("group", person.workGroupId).setParameter("person", person.id)
                    .setParameter("token", token).setParameter("at", now)
                    .executeUpdate();
            if (written == 1) {
                mailed.add(mail(survey, person, token, "survey", "", AfterTheYearMails::surveyInvitation));
            }
        }
        mails.add(mailed);
    }

    /** Those asked: each person with an address, or, for a survey per school, each school's headteacher once. */
    private List<Participant> recipients(Survey survey, List<Participant> people) {
        List<Participant> reachable = people.stream().filter(p -> !p.isWithdrawn() && p.erasedAt == null && p.email != null).toList();
        if (survey.audience() == Audience.PERSON) {
            return reachable;
        }
        // One query for every school's headteacher, then each school's of those the moment concerns.
        Set<String> schools = new HashSet<>();
        people.forEach(p -> schools.add(p.workGroupId + ":" + p.urn));
        List<UUID> groups = people.stream().map(p -> p.workGroupId).distinct().toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        return Participant.<Participant>list("workGroupId in ?1 and role = 'HEADTEACHER' and withdrawnAt is null "
                + "and erasedAt is null and email is not null", groups).stream()
                .filter(head -> schools.contains(head.workGroupId + ":" + head.urn)).toList();
    }

    boolean sentTo(UUID surveyId, UUID workGroupId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM survey_invitation WHERE survey_id = :survey AND work_group_id = :group LIMIT 1")
                .setParameter("survey", surveyId).setParameter("group", workGroupId).getResultList().isEmpty();
    }

    Instant remindableFrom(Instant sentAt, Instant remindedAt) {
        return (remindedAt == null ? sentAt : remindedAt).plus(config.reminderInterval());
    }

    /**
     * A reminder to each person of the Work Group still taking part who has not answered, unless they were mailed about
     * it in the last week or reminded of any survey in that week: at most one reminder a week reaches a person.
     */
    public ReminderResult remind(UUID surveyId, UUID workGroupId) {
        Survey survey = surveys.find(surveyId).orElseThrow(() -> ProblemException.notFound("survey"));
        surveys.groupOfTheSurvey(survey, workGroupId);
        Instant now = clock.instant();
        // The row's own condition decides, under its lock: two reminders asked at once send one mail.
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                UPDATE survey_invitation i SET reminded_at = :now
                WHERE i.survey_id = :survey AND i.work_group_id = :group AND i.answered_at IS NULL AND i.token IS NOT NULL
                  AND coalesce(i.reminded_at, i.sent_at) <= :due
                  AND i.participant_id IN (SELECT p.id FROM participant p WHERE p.withdrawn_at IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM survey_invitation other
                                  WHERE other.participant_id = i.participant_id AND other.reminded_at > :due)
                RETURNING i.participant_id, i.token""")
                .setParameter("now", now).setParameter("survey", surveyId).setParameter("group", workGroupId)
                .setParameter("due", now.minus(config.reminderInterval()))
                .getResultList();
        Map<UUID, String> tokens = new HashMap<>();
        due.forEach(row -> tokens.put((UUID) row[0], (String) row[1]));
        List<OutgoingMail> mailed = tokens.isEmpty() ? List.of() : Participant.<Participant>list("id in ?1", tokens.keySet())
                .stream().filter(person -> person.email != null)
                .map(person -> mail(survey, person, tokens.get(person.id), "survey-reminder", "Reminder: ",
                        AfterTheYearMails::surveyReminder))
                .toList();
        mails.add(mailed);
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE i.answered_at IS NOT NULL),
                       count(*) FILTER (WHERE i.answered_at IS NULL AND i.token IS NOT NULL AND p.withdrawn_at IS NULL)
                FROM survey_invitation i LEFT JOIN participant p ON p.id = i.participant_id
                WHERE i.survey_id = :survey AND i.work_group_id = :group""")
                .setParameter("survey", surveyId).setParameter("group", workGroupId).getSingleResult();
        return new ReminderResult(due.size(), ((Number) counts[1]).intValue() - due.size(), ((Number) counts[0]).intValue());
    }

    /** What the single-use link shows; gone once used. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyInvitationView open(String token) {
        Invitation invitation = invitation(token, false);
        WorkGroup group = WorkGroup.findById(invitation.workGroupId());
        return new SurveyInvitationView(invitation.survey().title(), WorkGroupWords.programme(group, invitation.survey().programmeCode()),
                hubs.of(group.hubCode), invitation.survey().academicYear(), invitation.survey().questions(),
                hubQuestions(invitation));
    }

    /**
     * The answers, checked against the questions (each refusal naming {@code answers.<key>}), stored without the
     * person; the invitation is marked answered in the same transaction, under its row's lock, so a link answers once.
     */
    public void answer(String token, ObjectNode given) {
        Invitation invitation = invitation(token, true);
        Survey survey = invitation.survey();
        List<SurveyQuestion> hubQuestions = hubQuestions(invitation);
        Set<String> known = new HashSet<>();
        survey.questions().forEach(q -> known.add(q.key()));
        hubQuestions.forEach(q -> known.add(q.key()));
        for (Iterator<String> keys = given.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw ProblemException.invalidField("answers." + key, "is not a question of this survey");
            }
        }
        List<SurveyQuestion.Answer> answers = new ArrayList<>();
        survey.questions().forEach(q -> add(answers, q.read(given.get(q.key()), false, "answers." + q.key())));
        hubQuestions.forEach(q -> add(answers, q.read(given.get(q.key()), true, "answers." + q.key())));
        // Nothing ties the answers to the invitation: a random id, and the day only (not the moment) on both, so that
        // neither an id's time nor a timestamp matches a response to the person who answered.
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        UUID response = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO survey_response (id, survey_id, work_group_id, role, urn, submitted_at)
                VALUES (:id, :survey, :group, :role, :urn, :at)""")
                .setParameter("id", response).setParameter("survey", survey.id())
                .setParameter("group", invitation.workGroupId()).setParameter("role", invitation.role())
                .setParameter("urn", survey.audience() == Audience.SCHOOL ? invitation.urn() : null)
                .setParameter("at", today)
                .executeUpdate();
        for (SurveyQuestion.Answer answer : answers) {
            entityManager.createNativeQuery("""
                    INSERT INTO survey_answer (response_id, question_key, added_by_hub, scale, choice, text)
                    VALUES (:response, :key, :hub, :scale, :choice, :text)""")
                    .setParameter("response", response).setParameter("key", answer.key())
                    .setParameter("hub", answer.addedByHub()).setParameter("scale", answer.scale())
                    .setParameter("choice", answer.choice()).setParameter("text", answer.text())
                    .executeUpdate();
        }
        entityManager.createNativeQuery("UPDATE survey_invitation SET answered_at = :at WHERE id = :id")
                .setParameter("at", today).setParameter("id", invitation.id()).executeUpdate();
    }

    private static void add(List<SurveyQuestion.Answer> answers, SurveyQuestion.Answer answer) {
        if (answer != null) {
            answers.add(answer);
        }
    }

    /** People erased at their request: no longer linked to any survey; an invitation not answered goes altogether. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(Collection<UUID> participantIds) {
        entityManager.createNativeQuery("DELETE FROM survey_invitation WHERE participant_id IN (:people) AND answered_at IS NULL")
                .setParameter("people", participantIds).executeUpdate();
        entityManager.createNativeQuery("UPDATE survey_invitation SET participant_id = NULL, token = NULL WHERE participant_id IN (:people)")
                .setParameter("people", participantIds).executeUpdate();
    }

    private record Invitation(UUID id, Survey survey, UUID workGroupId, String role, String urn) {
    }

    private Invitation invitation(String token, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT i.id, i.survey_id, i.work_group_id, p.role, p.urn, i.answered_at
                FROM survey_invitation i JOIN participant p ON p.id = i.participant_id
                WHERE i.token = :token""" + (forUpdate ? " FOR UPDATE OF i" : ""))
                .setParameter("token", token).getResultList();
        Object[] row = rows.stream().findFirst().orElseThrow(() -> ProblemException.notFound("survey link"));
        if (row[5] != null) {
            throw new ProblemException(410, "survey-answered", "This survey has been answered",
                    "The link works once, and it has been used. Thank you.", List.of());
        }
        Survey survey = surveys.find((UUID) row[1]).orElseThrow();
        return new Invitation((UUID) row[0], survey, (UUID) row[2], (String) row[3], (String) row[4]);
    }

    private List<SurveyQuestion> hubQuestions(Invitation invitation) {
        return surveys.storedHubQuestions(invitation.survey().id(), invitation.workGroupId())
                .map(view -> view.questions()).orElse(List.of());
    }

    private OutgoingMail mail(Survey survey, Participant person, String token, String kind, String subjectStart,
            Function<SurveyMail, String> template) {
        WorkGroup group = WorkGroup.findById(person.workGroupId);
        String hub = hubs.of(group.hubCode);
        String programme = WorkGroupWords.programme(group, person.programmeCode);
        SurveyMail mail = new SurveyMail(person.name, person.schoolName,
                WorkGroupWords.workGroup(hub, programme, person.academicYear), hub + " and the NCETM", survey.title(),
                config.surveyLink() + token);
        return new OutgoingMail(kind, person.email, person.id, survey.id(), subjectStart + survey.title(), template.apply(mail),
                null, clock.instant());
    }
}
