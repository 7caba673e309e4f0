package uk.mathshubs.contracts.applications;

import java.time.Instant;

/**
 * The schools register (GIAS links) says a school's history continues under another URN: it became an academy, merged
 * or split. What was done under {@code urn} counts for {@code successorUrn} from now on. {@code linkType} is GIAS's
 * word for the link as listed ("Successor", "Predecessor - amalgamated", ...).
 */
public record SchoolSuccessorRecorded(
        String urn,
        String successorUrn,
        String linkType,
        Instant recordedAt) {
}
