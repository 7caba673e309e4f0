package uk.mathshubs.applications.domain.eligibility;

import java.util.ArrayList;
import java.util.List;

/**
 * A programme's eligibility, as data: the requirements a school must meet, the priorities that order schools when
 * a Work Group is oversubscribed, and the warnings a school should read before it applies.
 */
public record RuleSet(String code, String title, Rule requirements, List<Priority> priorities, List<Warning> warnings) {

    public RuleSet {
        priorities = List.copyOf(priorities);
        warnings = List.copyOf(warnings);
    }

    /** When oversubscribed, schools meeting an earlier priority are placed first, then by submission time. */
    public record Priority(String id, String description, Condition condition) {
    }

    /** Advice, never a refusal: shown when its condition holds. */
    public record Warning(String id, String message, Condition condition) {
    }

    /** The questions the form must ask for these rules, in the order the rules ask them. */
    public List<Condition.Declared> declarations() {
        return requirements.conditions()
                .filter(Condition.Declared.class::isInstance).map(Condition.Declared.class::cast)
                .distinct().toList();
    }

    public Eligibility evaluate(Facts facts) {
        Rule.Evaluation evaluation = requirements.evaluate(facts);
        int priority = priorities.size();
        for (int rank = 0; rank < priorities.size(); rank++) {
            if (priorities.get(rank).condition().judge(facts).outcome() == Outcome.ELIGIBLE) {
                priority = rank;
                break;
            }
        }
        List<Finding> raised = new ArrayList<>();
        for (Warning warning : warnings) {
            Condition.Judgement judgement = warning.condition().judge(facts);
            if (judgement.outcome() == Outcome.ELIGIBLE) {
                raised.add(new Finding(warning.id(), warning.message(), Outcome.ELIGIBLE, judgement.reason()));
            }
        }
        return new Eligibility(code, evaluation.outcome(), evaluation.decidedBy(), evaluation.findings(), raised, priority,
                priority < priorities.size() ? priorities.get(priority).description() : null);
    }
}
