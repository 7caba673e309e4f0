package uk.mathshubs.console.web;

/** What every form's fields need before they go to the API. */
final class Forms {

    private Forms() {
    }

    /** A field left empty is one not given: the API reads null, not "". */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
