package uk.mathshubs.applications.mapping;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.api.ApplicationView;
import uk.mathshubs.applications.api.ConfirmationView;
import uk.mathshubs.applications.api.EligibilityView;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.CommitmentConfirmation;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.domain.eligibility.Eligibility;
import uk.mathshubs.applications.domain.eligibility.Finding;

@ApplicationScoped
public class ApplicationMapper {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** Allocation decisions a school hears about on the confirmation date, not before. */
    private static final Set<ApplicationStatus> CONFIRMED_ON_THE_DATE = EnumSet.of(ApplicationStatus.ACCEPTED,
            ApplicationStatus.WAITLISTED, ApplicationStatus.REJECTED);

    private static final Sort BY_REQUEST = Sort.by("requestedAt").and("role");

    private final Clock clock;

    public ApplicationMapper(Clock clock) {
        this.clock = clock;
    }

    /** As the hub and the NCETM see it: everything, as it stands. */
    public ApplicationView toView(Application a) {
        return view(a, true);
    }

    /** As the school sees it: decisions from the Work Group's confirmation date (UK time), not before. */
    public ApplicationView toSchoolView(Application a) {
        return view(a, false);
    }

    /** A Work Group's applications in one go: the confirmations of all of them in one query, not one each. */
    public List<ApplicationView> toViews(List<Application> applications, boolean seesDecisionsEarly) {
        if (applications.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CommitmentConfirmation>> confirmations = CommitmentConfirmation.<CommitmentConfirmation>list(
                        "applicationId in ?1", BY_REQUEST, applications.stream().map(a -> a.id).toList())
                .stream().collect(Collectors.groupingBy(c -> c.applicationId));
        return applications.stream().map(a -> view(a, seesDecisionsEarly, confirmations.getOrDefault(a.id, List.of()))).toList();
    }

    private ApplicationView view(Application a, boolean seesDecisionsEarly) {
        return view(a, seesDecisionsEarly, CommitmentConfirmation.list("applicationId", BY_REQUEST, a.id));
    }

    private ApplicationView view(Application a, boolean seesDecisionsEarly, List<CommitmentConfirmation> confirmations) {
        return toView(a, seesDecisionsEarly, confirmations,
                WorkGroup.<WorkGroup>findByIdOptional(a.workGroupId).map(g -> g.confirmationDate).orElse(null));
    }

    /** An application just received, with what it was received with: no query needed. */
    public ApplicationView toView(Application a, boolean seesDecisionsEarly, List<CommitmentConfirmation> confirmations,
            LocalDate decisionDate) {
        // Until the links go out just behind the intake, the confirmations awaited are those the application asks for.
        List<CommitmentConfirmation> asked = confirmations.isEmpty() ? CommitmentConfirmation.askedFor(a) : confirmations;
        boolean hidden = !seesDecisionsEarly && CONFIRMED_ON_THE_DATE.contains(a.status) && decisionDate != null
                && LocalDate.ofInstant(clock.instant(), UK).isBefore(decisionDate);
        return new ApplicationView(a.reference, a.workGroupId,
                hidden ? ApplicationStatus.SUBMITTED.name() : a.status.name(),
                hidden ? null : a.waitingListPosition,
                a.submittedAt, decisionDate,
                hidden ? null : a.decisionReason,
                hidden ? null : a.decisionReasonCode,
                a.offerExpiresAt,
                a.eligibility == null ? null : toView(a.eligibility),
                asked.stream().map(this::toView).toList(),
                asked.stream().allMatch(CommitmentConfirmation::isConfirmed),
                new ApplicationView.School(a.urn, a.schoolName, a.localAuthority),
                a.people.stream().map(p -> new ApplicationView.Person(p.role, p.name, p.email)).toList());
    }

    public ConfirmationView toView(CommitmentConfirmation c) {
        return new ConfirmationView(c.role, c.name, c.confirmedAt);
    }

    public EligibilityView toView(Eligibility e) {
        return new EligibilityView(e.outcome().name(), check(e.decidedBy()), e.checks().stream().map(ApplicationMapper::check).toList(),
                e.warnings().stream().map(ApplicationMapper::check).toList(), e.priority(), e.priorityReason());
    }

    private static EligibilityView.Check check(Finding f) {
        return new EligibilityView.Check(f.rule(), f.description(), f.outcome().name(), f.reason());
    }
}
