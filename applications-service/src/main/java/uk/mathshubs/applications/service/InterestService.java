package uk.mathshubs.applications.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.api.InterestRequest;
import uk.mathshubs.applications.domain.ExpressionOfInterest;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/** Expressions of interest for next year, taken while a Work Group is not taking applications. */
@ApplicationScoped
@Transactional
public class InterestService {

    private final Caller caller;
    private final Clock clock;

    public InterestService(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    /** The school's expression of interest; registering twice keeps the first. */
    public ExpressionOfInterest register(UUID workGroupId, InterestRequest request) {
        WorkGroup group = ownGroup(workGroupId);
        if (group.acceptsApplicationsAt(clock.instant())) {
            throw ProblemException.conflict("applications-open", "Applications are open",
                    "This Work Group is taking applications now: apply instead of expressing an interest");
        }
        Optional<ExpressionOfInterest> existing = ExpressionOfInterest.find("workGroupId = ?1 and urn = ?2", workGroupId, request.urn())
                .firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        ExpressionOfInterest interest = new ExpressionOfInterest();
        interest.id = TimeOrderedIds.next();
        interest.workGroupId = workGroupId;
        interest.hubCode = group.hubCode;
        interest.urn = request.urn();
        interest.schoolName = request.schoolName().strip();
        interest.contactName = request.contactName().strip();
        interest.contactEmail = request.contactEmail().strip();
        interest.registeredAt = clock.instant();
        interest.persist();
        return interest;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExpressionOfInterest> forWorkGroup(UUID workGroupId) {
        ownGroup(workGroupId);
        return ExpressionOfInterest.forWorkGroup(workGroupId);
    }

    private WorkGroup ownGroup(UUID workGroupId) {
        WorkGroup group = WorkGroup.<WorkGroup>findByIdOptional(workGroupId)
                .orElseThrow(() -> ProblemException.notFound("Work Group " + workGroupId));
        if (!caller.actsFor(group.hubCode)) {
            throw ProblemException.forbidden("You act for another Maths Hub");
        }
        return group;
    }
}
