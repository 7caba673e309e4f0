package uk.mathshubs.scheduling.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.WorkGroup;

/** Who takes part in a Work Group and which sessions they are expected at: for the NCETM, and for the group's hub. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ParticipationService {

    private final Enrolments enrolments;
    private final Caller caller;

    public ParticipationService(Enrolments enrolments, Caller caller) {
        this.enrolments = enrolments;
        this.caller = caller;
    }

    /** Empty when this service has not heard of the Work Group. */
    public Optional<List<Enrolled>> participants(UUID workGroupId) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            // The NCETM sees every group; a hub admin only their own hub's (personal data).
            if (!caller.hasRole(Caller.NCETM_INTEGRATION) && !caller.actsFor(group.hubCode)) {
                throw ProblemException.forbidden("You see the participants of your own Maths Hub's Work Groups only");
            }
            Map<UUID, List<UUID>> sessions = enrolments.sessionsByParticipant(group.id);
            return Participant.<Participant>list("workGroupId", Sort.by("urn").and("role").and("name").and("id"), group.id)
                    .stream().map(p -> new Enrolled(p, sessions.getOrDefault(p.id, List.of()))).toList();
        });
    }

    /** A person and the ids of the sessions they are enrolled in, in the order they take place. */
    public record Enrolled(Participant participant, List<UUID> sessionIds) {
    }
}
