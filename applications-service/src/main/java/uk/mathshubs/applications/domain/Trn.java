package uk.mathshubs.applications.domain;

/**
 * A Teacher Reference Number. People write it with spaces or dashes and sometimes drop leading zeros:
 * what remains must be 5 to 7 digits, and it is kept zero-padded to 7.
 */
public record Trn(String value) {

    public Trn {
        if (value == null || !value.matches("\\d{7}")) {
            throw new IllegalArgumentException("must be 5 to 7 digits");
        }
    }

    public static Trn parse(String text) {
        String digits = text == null ? "" : text.replaceAll("[\\s\\-/]", "");
        if (!digits.matches("\\d{5,7}")) {
            throw new IllegalArgumentException("must be 5 to 7 digits (spaces and dashes are ignored)");
        }
        return new Trn("0".repeat(7 - digits.length()) + digits);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
