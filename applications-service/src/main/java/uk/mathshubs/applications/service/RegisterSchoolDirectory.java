package uk.mathshubs.applications.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.applications.domain.eligibility.Participation;
import uk.mathshubs.applications.domain.eligibility.SchoolDirectory;
import uk.mathshubs.applications.domain.eligibility.SchoolFacts;
import uk.mathshubs.applications.domain.school.School;

/** The eligibility rules' view of the schools register and the participation history. */
@ApplicationScoped
public class RegisterSchoolDirectory implements SchoolDirectory {

    private final SchoolRegister register;
    private final ParticipationHistory history;

    public RegisterSchoolDirectory(SchoolRegister register, ParticipationHistory history) {
        this.register = register;
        this.history = history;
    }

    @Override
    public Optional<SchoolFacts> school(String urn) {
        return register.byUrn(urn).map(RegisterSchoolDirectory::facts);
    }

    @Override
    public List<Participation> history(String urn, UUID applyingTo) {
        return history.ofLineage(urn, applyingTo);
    }

    static SchoolFacts facts(School school) {
        return new SchoolFacts(school.urn, school.name, school.typeName.isEmpty() ? "type " + school.typeCode : school.typeName,
                school.isOpen(), school.isInEngland(), school.isStateFunded(), school.phase().name(), school.isJuniorSchool());
    }
}
