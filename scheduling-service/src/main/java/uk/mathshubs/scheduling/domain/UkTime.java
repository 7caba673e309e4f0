package uk.mathshubs.scheduling.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Session times as people in England read and write them: wall-clock time in Europe/London. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private UkTime() {
    }

    /**
     * The instant a UK wall-clock time stands for, with the offset in force on that date (BST or GMT).
     * A time the clocks skip on the last Sunday of March does not exist and is refused; a time repeated on
     * the last Sunday of October is taken as its first (BST) occurrence.
     */
    public static Instant toInstant(LocalDateTime local) {
        List<ZoneOffset> offsets = ZONE.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("does not exist in UK time: the clocks go forward then");
        }
        return local.toInstant(offsets.getFirst());
    }

    public static OffsetDateTime local(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }
}
