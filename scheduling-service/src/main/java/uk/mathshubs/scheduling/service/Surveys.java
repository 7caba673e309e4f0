package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.HubQuestionsView;
import uk.mathshubs.scheduling.api.InviteeView;
import uk.mathshubs.scheduling.api.SurveyRequest;
import uk.mathshubs.scheduling.api.SurveyRequest.Audience;
import uk.mathshubs.scheduling.api.SurveyRequest.Sends;
import uk.mathshubs.scheduling.api.SurveyResults;
import uk.mathshubs.scheduling.api.SurveyResults.QuestionResult;
import uk.mathshubs.scheduling.api.SurveyView;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.SurveyQuestion;
import uk.mathshubs.scheduling.domain.WorkGroup;

/**
 * Evaluation surveys: the NCETM's programme team defines one per programme and year, as data (its questions, and
 * whether it goes to each person or to each school's headteacher, after a central session or when a Work Group
 * completes); a hub adds questions for its own Work Groups, sees who has not answered, and reminds them; the answers
 * are counted per Work Group, hub and programme, a hub seeing only its own. Sending and answering are
 * {@link SurveyInvitations}'.
 */
@ApplicationScoped
@Transactional
public class Surveys {

    static final TypeReference<List<SurveyQuestion>> QUESTIONS = new TypeReference<>() {
    };
    /** The fewest answers whose counts a hub sees. */
    static final int FEWEST_ANSWERS_SHOWN = 5;

    private final EntityManager entityManager;
    private final SurveyInvitations invitations;
    private final AuditTrail audit;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public Surveys(EntityManager entityManager, SurveyInvitations invitations, AuditTrail audit, Caller caller,
            ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.invitations = invitations;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    /** A survey as stored. */
    public record Survey(UUID id, String programmeCode, String academicYear, String title, Audience audience, Sends sends,
            UUID sessionId, List<SurveyQuestion> questions, Instant createdAt) {

        public SurveyView view() {
            return new SurveyView(id, programmeCode, academicYear, title, audience, sends, sessionId, questions, createdAt);
        }

        boolean isFor(WorkGroup group) {
            return group.programmeCode.equals(programmeCode) && group.academicYear.equals(academicYear);
        }
    }

    public SurveyView define(SurveyRequest request) {
        List<SurveyQuestion> questions = SurveyQuestion.checked(request.questions(), Set.of(), "questions");
        if (request.sends() == Sends.AFTER_SESSION) {
            Session session = request.sessionId() == null ? null : Session.findById(request.sessionId());
            if (session == null || !session.isCentral() || !session.programmeCode.equals(request.programmeCode())
                    || !session.academicYear.equals(request.academicYear())) {
                throw ProblemException.invalidField("sessionId",
                        "name a central session of " + request.programmeCode() + " in " + request.academicYear());
            }
        } else if (request.sessionId() != null) {
            throw ProblemException.invalidField("sessionId", "only a survey sent AFTER_SESSION names a session");
        }
        UUID id = TimeOrderedIds.next();
        Instant now = clock.instant();
        int created = entityManager.createNativeQuery("""
                INSERT INTO survey (id, programme_code, academic_year, title, audience, sends, session_id, questions,
                    created_at, created_by)
                VALUES (:id, :programme, :year, :title, :audience, :sends, :session, CAST(:questions AS jsonb), :at, :by)
                ON CONFLICT (programme_code, academic_year, title) DO NOTHING""")
                .setParameter("id", id).setParameter("programme", request.programmeCode())
                .setParameter("year", request.academicYear()).setParameter("title", request.title().strip())
                .setParameter("audience", request.audience().name()).setParameter("sends", request.sends().name())
                .setParameter("session", request.sessionId()).setParameter("questions", write(questions))
                .setParameter("at", now).setParameter("by", caller.name())
                .executeUpdate();
        if (created == 0) {
            throw ProblemException.conflict("survey-exists", "The programme already has this survey",
                    request.programmeCode() + " " + request.academicYear() + " has a survey called \"" + request.title().strip()
                            + "\"; give this one another title");
        }
        audit.record("survey.defined", id.toString(), JsonNodeFactory.instance.objectNode()
                .put("programmeCode", request.programmeCode()).put("academicYear", request.academicYear())
                .put("questions", questions.size()));
        Survey survey = find(id).orElseThrow();
        // Defined late, it still reaches those its moment has already passed: the session's attendees, the groups completed.
        if (survey.sends() == Sends.AFTER_SESSION) {
            invitations.attendedAlready(survey);
        } else {
            invitations.completedAlready(survey);
        }
        return survey.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SurveyView> list(String programmeCode, String academicYear) {
        return stored("(CAST(:programme AS text) IS NULL OR programme_code = :programme) "
                + "AND (CAST(:year AS text) IS NULL OR academic_year = :year) ORDER BY academic_year DESC, programme_code, title",
                Map.of("programme", Optional.ofNullable(programmeCode), "year", Optional.ofNullable(academicYear)))
                .stream().map(Survey::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Survey> find(UUID id) {
        return stored("id = :id", Map.of("id", Optional.of(id))).stream().findFirst();
    }

    /** The hub's own questions for one of its Work Groups; replaced whole until the survey has gone out to it. */
    public HubQuestionsView setHubQuestions(UUID surveyId, UUID workGroupId, List<SurveyQuestion> given) {
        Survey survey = find(surveyId).orElseThrow(() -> ProblemException.notFound("survey"));
        WorkGroup group = groupOfTheSurvey(survey, workGroupId);
        List<SurveyQuestion> questions = SurveyQuestion.checked(given,
                survey.questions().stream().map(SurveyQuestion::key).collect(Collectors.toSet()), "questions");
        WorkGroup.findById(group.id, LockModeType.PESSIMISTIC_WRITE); // the survey going out to the group waits, or is waited for
        if (invitations.sentTo(surveyId, workGroupId)) {
            throw ProblemException.conflict("survey-sent", "The survey has gone out to this Work Group",
                    "Questions can be added until the survey goes out; people already have theirs");
        }
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                INSERT INTO survey_hub_questions (survey_id, work_group_id, questions, updated_at, updated_by)
                VALUES (:survey, :group, CAST(:questions AS jsonb), :at, :by)
                ON CONFLICT (survey_id, work_group_id) DO UPDATE
                SET questions = excluded.questions, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter("survey", surveyId).setParameter("group", workGroupId)
                .setParameter("questions", write(questions)).setParameter("at", now).setParameter("by", caller.name())
                .executeUpdate();
        audit.record("survey.hub-questions", surveyId + "/" + workGroupId,
                JsonNodeFactory.instance.objectNode().put("questions", questions.size()));
        return new HubQuestionsView(surveyId, workGroupId, questions, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HubQuestionsView hubQuestions(UUID surveyId, UUID workGroupId) {
        Survey survey = find(surveyId).orElseThrow(() -> ProblemException.notFound("survey"));
        groupOfTheSurvey(survey, workGroupId);
        return storedHubQuestions(surveyId, workGroupId)
                .orElseGet(() -> new HubQuestionsView(surveyId, workGroupId, List.of(), survey.createdAt()));
    }

    Optional<HubQuestionsView> storedHubQuestions(UUID surveyId, UUID workGroupId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT CAST(questions AS text), updated_at FROM survey_hub_questions WHERE survey_id = :survey AND work_group_id = :group""")
                .setParameter("survey", surveyId).setParameter("group", workGroupId).getResultList();
        return rows.stream().findFirst().map(r -> new HubQuestionsView(surveyId, workGroupId, read((String) r[0]),
                NativeRows.instant(r[1])));
    }

    /** Who in one of the hub's Work Groups was asked, and whether they answered (never what). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InviteeView> invitees(UUID surveyId, UUID workGroupId, Boolean answered) {
        Survey survey = find(surveyId).orElseThrow(() -> ProblemException.notFound("survey"));
        groupOfTheSurvey(survey, workGroupId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT p.id, p.name, p.role, p.urn, p.school_name, i.sent_at, i.reminded_at, i.answered_at
                FROM survey_invitation i JOIN participant p ON p.id = i.participant_id
                WHERE i.survey_id = :survey AND i.work_group_id = :group
                  AND (CAST(:answered AS boolean) IS NULL OR (i.answered_at IS NOT NULL) = :answered)
                ORDER BY p.urn, p.role, p.name, p.id""")
                .setParameter("survey", surveyId).setParameter("group", workGroupId).setParameter("answered", answered)
                .getResultList();
        return rows.stream().map(r -> {
            Instant sent = NativeRows.instant(r[5]);
            Instant reminded = NativeRows.instant(r[6]);
            boolean done = r[7] != null;
            return new InviteeView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], sent, reminded,
                    done, done ? null : invitations.remindableFrom(sent, reminded));
        }).toList();
    }

    /** The survey counted for a Work Group, a hub, or the programme; a hub admin sees their own hub's only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyResults results(UUID surveyId, UUID workGroupId, String hubCode) {
        Survey survey = find(surveyId).orElseThrow(() -> ProblemException.notFound("survey"));
        String hub = hubCode;
        if (workGroupId != null) {
            WorkGroup group = groupOfTheSurvey(survey, workGroupId);
            if (hub != null && !hub.equals(group.hubCode)) {
                throw ProblemException.invalidField("hub", "the Work Group is " + group.hubCode + "'s");
            }
        } else if (!national()) {
            String own = caller.hub().orElseThrow(() -> ProblemException.forbidden("You see your own Maths Hub's results only"));
            if (hub != null && !hub.equals(own)) {
                throw ProblemException.forbidden("You see your own Maths Hub's results only");
            }
            hub = own;
        }
        String scope = """
                FROM %s x JOIN work_group g ON g.id = x.work_group_id
                WHERE x.survey_id = :survey AND (CAST(:group AS uuid) IS NULL OR x.work_group_id = :group)
                  AND (CAST(:hub AS text) IS NULL OR g.hub_code = :hub)""";
        Object[] counts = (Object[]) entityManager.createNativeQuery(
                        "SELECT count(*), count(x.answered_at) " + scope.formatted("survey_invitation"))
                .setParameter("survey", surveyId).setParameter("group", workGroupId).setParameter("hub", hub)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> answers = entityManager.createNativeQuery("""
                SELECT a.question_key, a.added_by_hub, a.scale, a.choice, count(*)
                FROM survey_answer a JOIN (SELECT x.id %s) r ON r.id = a.response_id
                GROUP BY a.question_key, a.added_by_hub, a.scale, a.choice""".formatted(scope.formatted("survey_response")))
                .setParameter("survey", surveyId).setParameter("group", workGroupId).setParameter("hub", hub)
                .getResultList();
        // The hub's own questions are counted for its Work Group alone: elsewhere the same key may ask something else.
        List<SurveyQuestion> hubQuestions = workGroupId == null ? List.of()
                : storedHubQuestions(surveyId, workGroupId).map(HubQuestionsView::questions).orElse(List.of());
        int answered = ((Number) counts[1]).intValue();
        // A hub's counts of a handful of answers would tell it who said what (it knows who answered): it sees them
        // from five answers on. The NCETM's team, who pull the answers themselves, see every count.
        boolean withheld = !national() && answered < FEWEST_ANSWERS_SHOWN;
        List<QuestionResult> questions = new ArrayList<>();
        survey.questions().forEach(q -> questions.add(counted(q, false, answers, withheld)));
        hubQuestions.forEach(q -> questions.add(counted(q, true, answers, withheld)));
        return new SurveyResults(surveyId, workGroupId, hub, ((Number) counts[0]).intValue(), answered, withheld, questions);
    }

    private boolean national() {
        return caller.isProgrammeAdmin() || caller.hasRole(Caller.NCETM_INTEGRATION);
    }

    private static QuestionResult counted(SurveyQuestion question, boolean addedByHub, List<Object[]> answers, boolean withheld) {
        if (withheld) {
            return new QuestionResult(question.key(), question.text(), question.type(), addedByHub, null, null, null);
        }
        List<Object[]> mine = answers.stream()
                .filter(a -> question.key().equals(a[0]) && addedByHub == (Boolean) a[1]).toList();
        int total = mine.stream().mapToInt(a -> ((Number) a[4]).intValue()).sum();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Double mean = null;
        switch (question.type()) {
            case SCALE -> {
                for (int value = question.lowest(); value <= question.highest(); value++) {
                    counts.put(String.valueOf(value), 0);
                }
                long sum = 0;
                for (Object[] a : mine) {
                    int n = ((Number) a[4]).intValue();
                    counts.merge(String.valueOf(a[2]), n, Integer::sum);
                    sum += (long) ((Number) a[2]).intValue() * n;
                }
                mean = total == 0 ? null : Math.round(100.0 * sum / total) / 100.0;
            }
            case CHOICE -> {
                question.options().forEach(option -> counts.put(option, 0));
                mine.forEach(a -> counts.merge((String) a[3], ((Number) a[4]).intValue(), Integer::sum));
            }
            case TEXT -> {
                // Counted only: the words themselves are in the NCETM's feed, never in a summary.
            }
        }
        return new QuestionResult(question.key(), question.text(), question.type(), addedByHub, total, mean,
                question.type() == SurveyQuestion.Type.TEXT ? null : counts);
    }

    /** The Work Group, if it takes this survey and the caller acts for its hub. */
    WorkGroup groupOfTheSurvey(Survey survey, UUID workGroupId) {
        WorkGroup group = WorkGroup.findById(workGroupId);
        if (group == null) {
            throw ProblemException.notFound("Work Group");
        }
        if (!caller.actsFor(group.hubCode) && !national()) {
            throw ProblemException.forbidden("You see and change your own Maths Hub's Work Groups only");
        }
        if (!survey.isFor(group)) {
            throw ProblemException.conflict("survey-not-for-work-group", "The survey is not for this Work Group",
                    "It is for " + survey.programmeCode() + " in " + survey.academicYear() + "; the Work Group is "
                            + group.programmeCode + " in " + group.academicYear);
        }
        return group;
    }

    /** Surveys of a programme's year that go out at a given moment. */
    List<Survey> sentWhen(Sends sends, String programmeCode, String academicYear) {
        return stored("sends = :sends AND programme_code = :programme AND academic_year = :year", Map.of(
                "sends", Optional.of(sends.name()), "programme", Optional.of(programmeCode), "year", Optional.of(academicYear)));
    }

    List<Survey> afterSession(UUID sessionId) {
        return stored("sends = 'AFTER_SESSION' AND session_id = :session", Map.of("session", Optional.of(sessionId)));
    }

    private List<Survey> stored(String where, Map<String, Optional<?>> parameters) {
        var query = entityManager.createNativeQuery("""
                SELECT id, programme_code, academic_year, title, audience, sends, session_id, CAST(questions AS text), created_at
                FROM survey WHERE\s""" + where);
        parameters.forEach((name, value) -> query.setParameter(name, value.orElse(null)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Survey((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                Audience.valueOf((String) r[4]), Sends.valueOf((String) r[5]), (UUID) r[6], read((String) r[7]),
                NativeRows.instant(r[8]))).toList();
    }

    private String write(List<SurveyQuestion> questions) {
        try {
            return json.writeValueAsString(questions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Questions do not write as JSON", e);
        }
    }

    private List<SurveyQuestion> read(String stored) {
        try {
            return json.readValue(stored, QUESTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored survey questions do not read: " + e.getOriginalMessage(), e);
        }
    }
}
