package uk.mathshubs.scheduling.mapping;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.scheduling.api.CompletionView;
import uk.mathshubs.scheduling.api.ParticipantView;
import uk.mathshubs.scheduling.api.ProgrammeScheduleView;
import uk.mathshubs.scheduling.api.SessionPlanView;
import uk.mathshubs.scheduling.api.SessionView;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.ProgrammeSchedule;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.Term;
import uk.mathshubs.scheduling.domain.UkTime;
import uk.mathshubs.scheduling.service.CompletionService.Completion;
import uk.mathshubs.scheduling.service.CompletionService.SessionPlan;
import uk.mathshubs.scheduling.service.ParticipationService.Enrolled;

/** Entities to API models; nothing else crosses the REST boundary. */
@ApplicationScoped
public class SchedulingMapper {

    private final ObjectMapper json;

    public SchedulingMapper(ObjectMapper json) {
        this.json = json;
    }

    public SessionView toView(Session s) {
        return new SessionView(s.id, s.workGroupId, s.isCentral(), s.programmeCode, s.academicYear, s.title,
                s.audience.name(), s.deliveryMode.name(), UkTime.local(s.startsAt), UkTime.local(s.endsAt), s.term.name(),
                s.location, s.joinLink, s.recordingLink, s.status.name(), s.statusReason, s.reasonCode, s.sequence);
    }

    public ParticipantView toView(Enrolled enrolled) {
        Participant p = enrolled.participant();
        return new ParticipantView(p.id, p.applicationId, p.urn, p.schoolName, p.name, p.role, p.email, p.trn,
                p.isWithdrawn(), enrolled.sessionIds(), "/api/v1/calendars/" + p.calendarToken + ".ics");
    }

    public CompletionView toView(Completion completion) {
        return new CompletionView(completion.programmeCode(), completion.rule().description(), completion.schools().stream()
                .map(school -> new CompletionView.School(school.urn(), school.schoolName(), school.complete(),
                        school.progress().stream().map(p -> new CompletionView.Requirement(p.label(), p.attended(),
                                p.counted(), p.needed(), p.met())).toList()))
                .toList());
    }

    public SessionPlanView toView(SessionPlan plan) {
        List<SessionPlanView.TermPlan> terms = Arrays.stream(Term.values()).map(term -> new SessionPlanView.TermPlan(
                term.name(), plan.perTerm(), plan.scheduled().get(term), plan.missing(term))).toList();
        return new SessionPlanView(plan.programmeCode(), plan.academicYear(), plan.perTerm(),
                terms.stream().allMatch(t -> t.missing() == 0), terms);
    }

    public ProgrammeScheduleView toView(ProgrammeSchedule schedule) {
        try {
            return new ProgrammeScheduleView(schedule.programmeCode, schedule.localSessionsPerTerm,
                    json.readTree(schedule.completionRule));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored completion rule is not JSON", e);
        }
    }
}
