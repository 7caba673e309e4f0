package uk.mathshubs.applications.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A rule set: the questions a hub website's form must ask for it, and the rules themselves as written. */
public record RuleSetView(String code, String title, List<Question> declarations, JsonNode rules) {

    /** Answered YES, NO or UNSURE under {@code declarations.<key>} in an application or an eligibility check. */
    public record Question(String key, String question) {
    }
}
