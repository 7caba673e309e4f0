package uk.mathshubs.scheduling.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * One question of an evaluation survey, as data: a scale ("How confident do you feel teaching number? 1 to 5"), a
 * choice among options, or free text; required or not. Keys name the answers in the NCETM's feed, so they stay short
 * and stable.
 */
@Schema(description = "A survey question")
public record SurveyQuestion(
        @Schema(required = true, description = "Names the answer in the feed and in the results; lower case, digits and _",
                example = "confidence_number") String key,
        @Schema(required = true, example = "How confident do you feel teaching number in Reception?") String text,
        @Schema(required = true) Type type,
        @Schema(description = "An answer is needed (false unless said)") Boolean required,
        @Schema(description = "SCALE: the lowest value (default 1)", example = "1") Integer min,
        @Schema(description = "SCALE: the highest value (default 5)", example = "5") Integer max,
        @Schema(description = "SCALE: what the lowest value means", example = "Not at all confident") String minLabel,
        @Schema(description = "SCALE: what the highest value means", example = "Very confident") String maxLabel,
        @Schema(description = "CHOICE: the options, 2 to 20", type = SchemaType.ARRAY) List<String> options,
        @Schema(description = "TEXT: the longest answer taken (default and at most 4000 characters)", example = "2000") Integer maxLength) {

    public enum Type {
        SCALE, CHOICE, TEXT
    }

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int LONGEST_TEXT = 4000;

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public int lowest() {
        return min == null ? 1 : min;
    }

    public int highest() {
        return max == null ? 5 : max;
    }

    public int longest() {
        return maxLength == null ? LONGEST_TEXT : maxLength;
    }

    /** The questions as given, checked, each problem named by its place ({@code questions[2].options}). */
    public static List<SurveyQuestion> checked(List<SurveyQuestion> questions, Set<String> keysTaken, String field) {
        if (questions == null || questions.isEmpty()) {
            throw ProblemException.invalidField(field, "name at least one question");
        }
        if (questions.size() > 50) {
            throw ProblemException.invalidField(field, "at most 50 questions");
        }
        Set<String> keys = new HashSet<>(keysTaken);
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion question = questions.get(i);
            String at = field + "[" + i + "]";
            if (question == null) {
                throw ProblemException.invalidField(at, "is empty");
            }
            question.check(at);
            if (!keys.add(question.key())) {
                throw ProblemException.invalidField(at + ".key", "is already a question of this survey");
            }
        }
        return List.copyOf(questions);
    }

    private void check(String at) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(at + ".key", "lower-case letters, digits and _, starting with a letter, at most 40");
        }
        if (text == null || text.isBlank() || text.length() > 500) {
            throw ProblemException.invalidField(at + ".text", "the question as a teacher reads it, at most 500 characters");
        }
        if (type == null) {
            throw ProblemException.invalidField(at + ".type", "SCALE, CHOICE or TEXT");
        }
        switch (type) {
            case SCALE -> {
                if (lowest() < 0 || highest() > 10 || lowest() >= highest()) {
                    throw ProblemException.invalidField(at + ".max", "a scale runs upwards within 0 to 10, such as 1 to 5");
                }
                if (minLabel != null && minLabel.length() > 100) {
                    throw ProblemException.invalidField(at + ".minLabel", "at most 100 characters");
                }
                if (maxLabel != null && maxLabel.length() > 100) {
                    throw ProblemException.invalidField(at + ".maxLabel", "at most 100 characters");
                }
            }
            case CHOICE -> {
                if (options == null || options.size() < 2 || options.size() > 20) {
                    throw ProblemException.invalidField(at + ".options", "2 to 20 options");
                }
                if (options.stream().anyMatch(option -> option == null || option.isBlank() || option.length() > 200)
                        || Set.copyOf(options).size() != options.size()) {
                    throw ProblemException.invalidField(at + ".options", "each option different, not blank, at most 200 characters");
                }
            }
            case TEXT -> {
                if (maxLength != null && (maxLength < 1 || maxLength > LONGEST_TEXT)) {
                    throw ProblemException.invalidField(at + ".maxLength", "between 1 and " + LONGEST_TEXT);
                }
            }
        }
        if (type != Type.CHOICE && options != null) {
            throw ProblemException.invalidField(at + ".options", "only a CHOICE question has options");
        }
        if (type != Type.SCALE && (min != null || max != null || minLabel != null || maxLabel != null)) {
            throw ProblemException.invalidField(at + ".min", "only a SCALE question has a range and labels");
        }
    }

    /** One answer, as stored: a scale's value, an option, or text. */
    public record Answer(String key, boolean addedByHub, Integer scale, String choice, String text) {
    }

    /** The answer given (null when none was: refused if it is required), or a 400 naming {@code field}. */
    public Answer read(JsonNode given, boolean addedByHub, String field) {
        if (given == null || given.isNull() || given.isTextual() && given.asText().isBlank()) {
            if (isRequired()) {
                throw ProblemException.invalidField(field, "needs an answer");
            }
            return null;
        }
        return switch (type) {
            case SCALE -> {
                if (!given.isIntegralNumber() || !given.canConvertToInt() || given.asInt() < lowest() || given.asInt() > highest()) {
                    throw ProblemException.invalidField(field, "a whole number from " + lowest() + " to " + highest());
                }
                yield new Answer(key, addedByHub, given.asInt(), null, null);
            }
            case CHOICE -> {
                if (!given.isTextual() || !options.contains(given.asText())) {
                    throw ProblemException.invalidField(field, "one of the question's options");
                }
                yield new Answer(key, addedByHub, null, given.asText(), null);
            }
            case TEXT -> {
                if (!given.isTextual() || given.asText().length() > longest()) {
                    throw ProblemException.invalidField(field, "text of at most " + longest() + " characters");
                }
                if (given.asText().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                    throw ProblemException.invalidField(field, "plain text: no control characters");
                }
                yield new Answer(key, addedByHub, null, null, given.asText().strip());
            }
        };
    }
}
