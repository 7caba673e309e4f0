package uk.mathshubs.webhooks.domain;

import java.time.Instant;
import java.time.LocalDate;

import uk.mathshubs.kit.mail.UkDates;

/**
 * "Decisions are released on" the Work Group's confirmation date (UK time): before it no school, and so no website,
 * hears whether it has a place, so a receiver is told of a decision at the start of that day and never before.
 */
public final class DecisionRelease {

    /** A decision of a Work Group not yet heard of waits until it is (the catalogue's event then sets the date). */
    public static final Instant NOT_YET_KNOWN = Instant.parse("3000-01-01T00:00:00Z");

    private DecisionRelease() {
    }

    public static Instant releasedAt(LocalDate confirmationDate) {
        return confirmationDate == null ? NOT_YET_KNOWN : UkDates.startOf(confirmationDate);
    }
}
