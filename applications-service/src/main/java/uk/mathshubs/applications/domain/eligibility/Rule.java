package uk.mathshubs.applications.domain.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A node of a programme's requirements: one {@link Condition}, or all / any of several rules. Every node carries
 * the sentence of the programme page it encodes, so an answer can always name the rule that decided it.
 */
public sealed interface Rule {

    String id();

    String description();

    Evaluation evaluate(Facts facts);

    /** Every condition a rule set asks about, for listing its declaration questions. */
    Stream<Condition> conditions();

    /** The outcome, the finding that decided it, and every condition's own finding (for the full explanation). */
    record Evaluation(Outcome outcome, Finding decidedBy, List<Finding> findings) {
    }

    record Check(String id, String description, Condition condition) implements Rule {
        @Override
        public Evaluation evaluate(Facts facts) {
            Condition.Judgement judgement = condition.judge(facts);
            Finding finding = new Finding(id, description, judgement.outcome(), judgement.reason());
            return new Evaluation(judgement.outcome(), finding, List.of(finding));
        }

        @Override
        public Stream<Condition> conditions() {
            return Stream.of(condition);
        }
    }

    /** Every rule must hold; the first one that does not decides. */
    record AllOf(String id, String description, List<Rule> rules) implements Rule {
        public AllOf {
            rules = List.copyOf(rules);
        }

        @Override
        public Evaluation evaluate(Facts facts) {
            List<Evaluation> parts = rules.stream().map(rule -> rule.evaluate(facts)).toList();
            Outcome outcome = parts.stream().map(Evaluation::outcome).reduce(Outcome.ELIGIBLE, Outcome::allOf);
            Finding decidedBy = outcome == Outcome.ELIGIBLE
                    ? new Finding(id, description, outcome, joinReasons(parts, "; "))
                    : firstWith(outcome, parts);
            return new Evaluation(outcome, decidedBy, allFindings(parts));
        }

        @Override
        public Stream<Condition> conditions() {
            return rules.stream().flatMap(Rule::conditions);
        }
    }

    /** One of several ways in is enough (Mastering Number KS2: a Sustaining school that did R/KS1, or a junior school). */
    record AnyOf(String id, String description, List<Rule> rules) implements Rule {
        public AnyOf {
            rules = List.copyOf(rules);
        }

        @Override
        public Evaluation evaluate(Facts facts) {
            List<Evaluation> parts = rules.stream().map(rule -> rule.evaluate(facts)).toList();
            Outcome outcome = parts.stream().map(Evaluation::outcome).reduce(Outcome.INELIGIBLE, Outcome::anyOf);
            Finding decidedBy = outcome == Outcome.INELIGIBLE
                    ? new Finding(id, description, outcome, "no way in applies: " + joinReasons(parts, "; and "))
                    : firstWith(outcome, parts);
            return new Evaluation(outcome, decidedBy, allFindings(parts));
        }

        @Override
        public Stream<Condition> conditions() {
            return rules.stream().flatMap(Rule::conditions);
        }
    }

    private static Finding firstWith(Outcome outcome, List<Evaluation> parts) {
        return parts.stream().filter(p -> p.outcome() == outcome).findFirst().orElseThrow().decidedBy();
    }

    private static String joinReasons(List<Evaluation> parts, String separator) {
        return parts.stream().map(p -> p.decidedBy().reason()).collect(Collectors.joining(separator));
    }

    private static List<Finding> allFindings(List<Evaluation> parts) {
        List<Finding> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.findings()));
        return List.copyOf(all);
    }
}
