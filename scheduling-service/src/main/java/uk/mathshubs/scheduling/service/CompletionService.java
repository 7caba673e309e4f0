package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;

import uk.mathshubs.contracts.ParticipantRole.Audience;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.ProgrammeScheduleView;
import uk.mathshubs.scheduling.domain.CompletionRule;
import uk.mathshubs.scheduling.domain.CompletionRule.SessionAttendance;
import uk.mathshubs.scheduling.domain.DeliveryMode;
import uk.mathshubs.scheduling.domain.ProgrammeSchedule;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.SessionStatus;
import uk.mathshubs.scheduling.domain.Term;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.events.SchedulingEvents;

/**
 * What a programme asks of a Work Group: the local sessions each term, and the attendance that completes it.
 * When the catalogue says a Work Group completed, each school that met the rule is announced once, feeding the
 * applications service's participation history.
 */
@ApplicationScoped
@Transactional
public class CompletionService {

    private static final Logger LOG = Logger.getLogger(CompletionService.class);
    /** Rules are strict: a misspelt field must not quietly turn into "no filter". */
    private static final ObjectMapper RULES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final EntityManager entityManager;
    private final SchedulingEvents events;
    private final Certificates certificates;
    private final SurveyInvitations surveys;
    private final Caller caller;
    private final Clock clock;

    public CompletionService(EntityManager entityManager, SchedulingEvents events, Certificates certificates,
            SurveyInvitations surveys, Caller caller, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.certificates = certificates;
        this.surveys = surveys;
        this.caller = caller;
        this.clock = clock;
    }

    /** A school's people at the Work Group's sessions, as the completion rule counts them. */
    public record SchoolProgress(String urn, String schoolName, boolean complete, List<CompletionRule.Progress> progress) {
    }

    public record Completion(String programmeCode, CompletionRule rule, List<SchoolProgress> schools) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Completion> progress(UUID workGroupId) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            if (!caller.hasRole(Caller.NCETM_INTEGRATION) && !caller.actsFor(group.hubCode)) {
                throw ProblemException.forbidden("You see the completion of your own Maths Hub's Work Groups only");
            }
            CompletionRule rule = ruleFor(group.programmeCode).orElseThrow(() -> ProblemException.conflict(
                    "no-completion-rule", "The programme has no completion rule",
                    "The NCETM sets one with PUT /api/v1/programme-schedules/" + group.programmeCode));
            return new Completion(group.programmeCode, rule, schools(group, rule));
        });
    }

    /**
     * The Work Group completed: decide once per school whether it completed, and announce those that did. A
     * redelivered event, or a second instance doing the same, finds the decisions made and announces nothing again.
     */
    public void workGroupCompleted(UUID workGroupId) {
        // The group's lock orders this decision with registers being corrected at the same moment (reconsider).
        WorkGroup group = WorkGroup.findById(workGroupId, LockModeType.PESSIMISTIC_WRITE);
        Optional<CompletionRule> rule = group == null ? Optional.empty() : ruleFor(group.programmeCode);
        if (rule.isEmpty()) {
            LOG.warnf("Work Group %s completed, but %s", workGroupId,
                    group == null ? "this service never heard of it" : "programme " + group.programmeCode + " has no completion rule");
            return;
        }
        Instant now = clock.instant();
        int completed = 0;
        for (SchoolProgress school : schools(group, rule.get())) {
            int decided = entityManager.createNativeQuery("""
                    INSERT INTO school_completion (work_group_id, urn, school_name, completed, decided_at)
                    VALUES (:group, :urn, :name, :completed, :at) ON CONFLICT DO NOTHING""")
                    .setParameter("group", group.id)
                    .setParameter("urn", school.urn())
                    .setParameter("name", school.schoolName())
                    .setParameter("completed", school.complete())
                    .setParameter("at", now)
                    .executeUpdate();
            if (decided == 1 && school.complete()) {
                events.participationCompleted(group, school.urn(), now);
                certificates.issue(group, school.urn());
                completed++;
            }
        }
        surveys.workGroupCompleted(group);
        LOG.infof("Work Group %s completed: %d schools met %s's completion rule", group.id, completed, group.programmeCode);
    }

    /**
     * Attendance recorded again after the Work Group completed: each school's completion is decided again by the
     * same rule, and a changed one corrected, with its certificates (voided, or issued).
     */
    public void reconsider(UUID workGroupId, Set<String> urns) {
        // Under the group's lock, taken before reading: two registers saved at once are decided one after the other,
        // the second seeing the first's attendance; and a completion being decided is waited for.
        WorkGroup group = WorkGroup.findById(workGroupId, LockModeType.PESSIMISTIC_WRITE);
        Optional<CompletionRule> rule = group == null || !decided(workGroupId) ? Optional.empty() : ruleFor(group.programmeCode);
        if (rule.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (SchoolProgress school : schools(group, rule.get())) {
            if (!urns.contains(school.urn())) {
                continue;
            }
            int corrected = entityManager.createNativeQuery("""
                    UPDATE school_completion SET completed = :completed, corrected_at = :at
                    WHERE work_group_id = :group AND urn = :urn AND completed <> :completed""")
                    .setParameter("completed", school.complete()).setParameter("at", now)
                    .setParameter("group", group.id).setParameter("urn", school.urn())
                    .executeUpdate();
            if (corrected == 0) {
                continue;
            }
            LOG.infof("Work Group %s: the completion of school %s corrected to %s", group.id, school.urn(), school.complete());
            if (school.complete()) {
                events.participationCompleted(group, school.urn(), now);
                certificates.issue(group, school.urn());
            } else {
                events.participationCompletionRevoked(group, school.urn(), now);
                certificates.voidForSchool(group.id, school.urn());
            }
        }
    }

    /** Whether the Work Group's completion has been decided (it completed): only then can attendance correct it. */
    private boolean decided(UUID workGroupId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM school_completion WHERE work_group_id = :group LIMIT 1")
                .setParameter("group", workGroupId).getResultList().isEmpty();
    }

    /** Term by term, the local sessions the programme asks for against those scheduled (cancelled ones do not count). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SessionPlan> plan(UUID workGroupId) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            if (!caller.actsFor(group.hubCode)) {
                throw ProblemException.forbidden("You see the session plans of your own Maths Hub's Work Groups only");
            }
            int perTerm = ProgrammeSchedule.<ProgrammeSchedule>findByIdOptional(group.programmeCode)
                    .map(s -> s.localSessionsPerTerm).orElse(0);
            Map<Term, Integer> scheduled = new EnumMap<>(Term.class);
            for (Term term : Term.values()) {
                scheduled.put(term, 0);
            }
            Session.<Session>list("workGroupId = ?1 and status = ?2", group.id, SessionStatus.SCHEDULED)
                    .forEach(s -> scheduled.merge(s.term, 1, Integer::sum));
            return new SessionPlan(group.programmeCode, group.academicYear, perTerm, scheduled);
        });
    }

    public record SessionPlan(String programmeCode, String academicYear, int perTerm, Map<Term, Integer> scheduled) {

        public int missing(Term term) {
            return Math.max(0, perTerm - scheduled.get(term));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgrammeSchedule> schedule(String programmeCode) {
        return ProgrammeSchedule.findByIdOptional(programmeCode);
    }

    /** The NCETM sets what a programme asks for; a rule that does not read is refused, naming what is wrong. */
    public ProgrammeSchedule setSchedule(String programmeCode, ProgrammeScheduleView request) {
        String rule = parse(request.completionRule()).toString();
        ProgrammeSchedule schedule = ProgrammeSchedule.<ProgrammeSchedule>findByIdOptional(programmeCode).orElseGet(() -> {
            ProgrammeSchedule created = new ProgrammeSchedule();
            created.programmeCode = programmeCode;
            return created;
        });
        schedule.localSessionsPerTerm = request.localSessionsPerTerm();
        schedule.completionRule = rule;
        schedule.updatedAt = clock.instant();
        schedule.persist();
        return schedule;
    }

    public CompletionRule rule(ProgrammeSchedule schedule) {
        return read(schedule.completionRule);
    }

    private Optional<CompletionRule> ruleFor(String programmeCode) {
        return ProgrammeSchedule.<ProgrammeSchedule>findByIdOptional(programmeCode).map(this::rule);
    }

    private static JsonNode parse(JsonNode json) {
        try {
            return RULES.valueToTree(RULES.treeToValue(json, CompletionRule.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
            throw ProblemException.invalidField("completionRule", message);
        }
    }

    private static CompletionRule read(String json) {
        try {
            return RULES.readValue(json, CompletionRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored completion rule does not read: " + e.getOriginalMessage(), e);
        }
    }

    /** Per school still taking part: each session its people were expected at, how many were, and how many came. */
    private List<SchoolProgress> schools(WorkGroup group, CompletionRule rule) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT p.urn, min(p.school_name), s.id, s.work_group_id IS NULL, s.delivery_mode, s.audience,
                       count(*), count(a.participant_id) FILTER (WHERE a.attendance = 'ATTENDED')
                FROM participant p
                LEFT JOIN enrolment e ON e.participant_id = p.id
                LEFT JOIN session s ON s.id = e.session_id AND s.status = 'SCHEDULED'
                LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = p.id
                WHERE p.work_group_id = :group AND p.withdrawn_at IS NULL
                GROUP BY p.urn, s.id
                ORDER BY p.urn, s.id""")
                .setParameter("group", group.id)
                .getResultList();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<SessionAttendance>> sessions = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String urn = (String) r[0];
            names.putIfAbsent(urn, (String) r[1]);
            List<SessionAttendance> school = sessions.computeIfAbsent(urn, u -> new ArrayList<>());
            if (r[2] == null) {
                continue; // a school with no (or only cancelled) sessions yet still shows, with nothing attended
            }
            school.add(new SessionAttendance((Boolean) r[3],
                    DeliveryMode.valueOf((String) r[4]), Audience.valueOf((String) r[5]), ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue()));
        }
        return sessions.entrySet().stream().map(school -> {
            List<CompletionRule.Progress> progress = rule.progress(school.getValue());
            return new SchoolProgress(school.getKey(), names.get(school.getKey()),
                    progress.stream().allMatch(CompletionRule.Progress::met), progress);
        }).toList();
    }
}
