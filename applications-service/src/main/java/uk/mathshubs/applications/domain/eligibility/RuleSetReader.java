package uk.mathshubs.applications.domain.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import uk.mathshubs.kit.problem.Problem;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * Reads a rule set written as JSON (the form programme admins edit and the reference rule sets ship in), reporting
 * every mistake with its path, e.g. {@code requirements.allOf[1].programmes}.
 *
 * <pre>{@code
 * { "title": "...",
 *   "requirements": { "id": "...", "description": "...", "allOf": [ rule, ... ] },       (or "anyOf", or a check:)
 *                   { "id": "...", "description": "...", "test": "neverTookPart", "programmes": ["MN_RKS1"], "label": "..." },
 *   "priorities": [ { "id": "...", "description": "...", "condition": { "test": ... } } ],
 *   "warnings":   [ { "id": "...", "message": "...", "condition": { "test": ... } } ] }
 * }</pre>
 */
public final class RuleSetReader {

    /** Phases of education as the schools register names them (GIAS {@code PhaseOfEducation}). */
    public static final Set<String> PHASES = Set.of("NOT_APPLICABLE", "NURSERY", "PRIMARY", "MIDDLE_DEEMED_PRIMARY", "SECONDARY",
            "MIDDLE_DEEMED_SECONDARY", "SIXTEEN_PLUS", "ALL_THROUGH");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private RuleSetReader() {
    }

    public static RuleSet read(String code, JsonNode document) {
        RuleSetReader reader = new RuleSetReader();
        RuleSet ruleSet = reader.ruleSet(code, document);
        if (!reader.errors.isEmpty()) {
            throw new ProblemException(400, "invalid-rule-set", "Invalid rule set",
                    reader.errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                    reader.errors);
        }
        return ruleSet;
    }

    private RuleSet ruleSet(String code, JsonNode document) {
        if (document == null || !document.isObject()) {
            errors.add(new Problem.FieldError("", "a rule set is a JSON object"));
            return null;
        }
        String title = text(document, "title", "");
        Rule requirements = document.has("requirements") ? rule(document.get("requirements"), "requirements") : missing("requirements");
        List<RuleSet.Priority> priorities = list(document, "priorities", (node, path) -> new RuleSet.Priority(
                text(node, "id", path), text(node, "description", path), condition(node.get("condition"), path + ".condition")));
        List<RuleSet.Warning> warnings = list(document, "warnings", (node, path) -> new RuleSet.Warning(
                text(node, "id", path), text(node, "message", path), condition(node.get("condition"), path + ".condition")));
        return errors.isEmpty() ? new RuleSet(code, title, requirements, priorities, warnings) : null;
    }

    private Rule rule(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError(path, "must be a rule: an object with allOf, anyOf or test"));
            return null;
        }
        String id = text(node, "id", path);
        String description = text(node, "description", path);
        if (node.has("allOf") || node.has("anyOf")) {
            String combinator = node.has("allOf") ? "allOf" : "anyOf";
            JsonNode parts = node.get(combinator);
            if (!parts.isArray() || parts.isEmpty()) {
                errors.add(new Problem.FieldError(path + "." + combinator, "must list at least one rule"));
                return null;
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                rules.add(rule(parts.get(i), path + "." + combinator + "[" + i + "]"));
            }
            return combinator.equals("allOf") ? new Rule.AllOf(id, description, rules) : new Rule.AnyOf(id, description, rules);
        }
        return new Rule.Check(id, description, condition(node, path));
    }

    private Condition condition(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError(path, "must be a condition: an object with a test"));
            return null;
        }
        String test = text(node, "test", path);
        return switch (test) {
            case "stateFunded" -> new Condition.StateFunded();
            case "inEngland" -> new Condition.InEngland();
            case "open" -> new Condition.OpenSchool();
            case "juniorSchool" -> new Condition.JuniorSchool();
            case "phase" -> new Condition.PhaseOfEducation(phases(node, path), text(node, "label", path));
            case "tookPart" -> new Condition.TookPart(strings(node, "programmes", path), text(node, "label", path),
                    when(node, path), node.path("completed").asBoolean(false));
            case "neverTookPart" -> new Condition.NeverTookPart(strings(node, "programmes", path), text(node, "label", path));
            case "declared" -> new Condition.Declared(text(node, "declaration", path), text(node, "question", path));
            case "" -> null;
            default -> {
                errors.add(new Problem.FieldError(path + ".test", "unknown test \"" + test
                        + "\"; one of stateFunded, inEngland, open, phase, juniorSchool, tookPart, neverTookPart, declared"));
                yield null;
            }
        };
    }

    private Set<String> phases(JsonNode node, String path) {
        Set<String> phases = strings(node, "phases", path);
        phases.stream().filter(p -> !PHASES.contains(p)).forEach(p -> errors.add(new Problem.FieldError(path + ".phases",
                "unknown phase \"" + p + "\"; one of " + String.join(", ", PHASES.stream().sorted().toList()))));
        return phases;
    }

    private Condition.When when(JsonNode node, String path) {
        String when = node.path("when").asText("ANY_EARLIER_YEAR").toUpperCase(Locale.ROOT);
        try {
            return Condition.When.valueOf(when);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(path + ".when", "must be one of " + Arrays.toString(Condition.When.values())));
            return Condition.When.ANY_EARLIER_YEAR;
        }
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.add(new Problem.FieldError(qualified(path, field), "is required text"));
            return "";
        }
        return value.asText().strip();
    }

    private Set<String> strings(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            errors.add(new Problem.FieldError(qualified(path, field), "must list at least one value"));
            return Set.of();
        }
        Set<String> strings = new LinkedHashSet<>();
        value.forEach(v -> strings.add(v.asText().strip()));
        return strings;
    }

    private <T> List<T> list(JsonNode document, String field, ItemReader<T> reader) {
        JsonNode items = document.path(field);
        if (items.isMissingNode() || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            errors.add(new Problem.FieldError(field, "must be a list"));
            return List.of();
        }
        List<T> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            list.add(reader.read(items.get(i), field + "[" + i + "]"));
        }
        return list;
    }

    private Rule missing(String field) {
        errors.add(new Problem.FieldError(field, "is required"));
        return null;
    }

    private static String qualified(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(JsonNode node, String path);
    }
}
