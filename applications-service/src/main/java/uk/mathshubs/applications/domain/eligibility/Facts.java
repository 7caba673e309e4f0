package uk.mathshubs.applications.domain.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.mathshubs.contracts.AcademicYear;

/** Everything a rule may look at: the school, its history, its answers, and the year it would take part in. */
public record Facts(SchoolFacts school, List<Participation> history, Map<String, Answer> declarations, AcademicYear year) {

    public Facts {
        history = List.copyOf(history);
        declarations = Map.copyOf(declarations);
    }

    Optional<Answer> answer(String declaration) {
        return Optional.ofNullable(declarations.get(declaration));
    }
}
