package uk.mathshubs.applications.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.api.TrustAssignment;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.school.School;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/**
 * Multi-academy trusts: which schools are in one, and what a trust's lead may see of them. A trust lead sees their
 * own trust's schools' applications and participation and nothing else; programme admins see every trust.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Trusts {

    private final Caller caller;
    private final Clock clock;

    public Trusts(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    /** The trust's schools, by name; 403 for another trust's lead, 404 for a trust no school is in. */
    public List<School> schools(String code) {
        if (!caller.isProgrammeAdmin() && !caller.leadsTrust(code)) {
            throw ProblemException.forbidden("You see your own trust's schools only");
        }
        List<School> schools = School.list("trustCode", Sort.by("name").and("urn"), code);
        if (schools.isEmpty()) {
            throw ProblemException.notFound("Trust " + code);
        }
        return schools;
    }

    /** Every application of the trust's schools, to any Work Group, in the order they arrived. */
    public Page<Application> applications(String code, PageRequest paging) {
        List<String> urns = schools(code).stream().map(s -> s.urn).toList();
        return Page.fromOffset(Application.<Application>find("urn in ?1", Sort.by("submittedAt").and("reference"), urns)
                .range(paging.offset(), paging.offset() + paging.size()).list(), paging);
    }

    /** Whether the caller leads the trust the school is in now. */
    public boolean callerLeadsTrustOf(String urn) {
        return caller.trust().isPresent()
                && School.<School>findByIdOptional(urn).map(s -> caller.leadsTrust(s.trustCode)).orElse(false);
    }

    @Transactional
    public School assign(String urn, TrustAssignment assignment) {
        School school = school(urn);
        school.trustCode = assignment.code();
        school.trustName = assignment.name().strip();
        school.trustSetBy = caller.name();
        school.updatedAt = clock.instant();
        return school;
    }

    /** The school is in no trust, whatever the register says, until a programme admin puts it in one. */
    @Transactional
    public School remove(String urn) {
        School school = school(urn);
        school.trustCode = null;
        school.trustName = null;
        school.trustSetBy = caller.name();
        school.updatedAt = clock.instant();
        return school;
    }

    private static School school(String urn) {
        return School.<School>findByIdOptional(urn).orElseThrow(() -> ProblemException.notFound("School " + urn));
    }
}
