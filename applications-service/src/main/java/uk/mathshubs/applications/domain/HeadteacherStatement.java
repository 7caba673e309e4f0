package uk.mathshubs.applications.domain;

/** "Why you wish the school to participate ... (up to 250 words)". Words are whitespace-separated tokens. */
public final class HeadteacherStatement {

    public static final int MAX_WORDS = 250;

    private HeadteacherStatement() {
    }

    public static int words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    public static boolean withinLimit(String text) {
        return words(text) <= MAX_WORDS;
    }
}
