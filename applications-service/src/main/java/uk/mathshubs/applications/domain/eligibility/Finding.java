package uk.mathshubs.applications.domain.eligibility;

/** One rule's answer for one school, with the reason in words a headteacher understands. */
public record Finding(String rule, String description, Outcome outcome, String reason) {
}
