package uk.mathshubs.scheduling.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** What a native query's row holds, as the types the service uses: the driver gives timestamps in several types. */
final class NativeRows {

    private NativeRows() {
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp " + value.getClass());
        };
    }
}
