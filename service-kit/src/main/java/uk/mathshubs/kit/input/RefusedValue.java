package uk.mathshubs.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A body value Jackson could read but {@link InputRules} refuses; answered as a 400 naming its field and why. A
 * {@link MismatchedInputException}, as the REST layer passes those on to the problem mappers (another kind of
 * mapping failure it turns into a bare 400 of its own).
 */
public class RefusedValue extends MismatchedInputException {

    private final String reason;

    public RefusedValue(JsonParser parser, String reason) {
        super(parser, reason, (Class<?>) null);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
