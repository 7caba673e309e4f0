package uk.mathshubs.applications.domain.school;

import java.util.Arrays;

/** GIAS {@code PhaseOfEducation (code)}. */
public enum Phase {
    NOT_APPLICABLE(0), NURSERY(1), PRIMARY(2), MIDDLE_DEEMED_PRIMARY(3), SECONDARY(4), MIDDLE_DEEMED_SECONDARY(5), SIXTEEN_PLUS(6),
    ALL_THROUGH(7);

    private final int code;

    Phase(int code) {
        this.code = code;
    }

    public static Phase ofCode(Integer code) {
        return code == null ? NOT_APPLICABLE : Arrays.stream(values()).filter(p -> p.code == code).findFirst().orElse(NOT_APPLICABLE);
    }
}
