package uk.mathshubs.applications.api;

/**
 * The answer to a submission. The secret is shown once, to the submitter: with the reference it lets the
 * school read its application later.
 */
public record SubmittedApplication(String reference, String secret, ApplicationView application) {
}
