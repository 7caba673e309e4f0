package uk.mathshubs.scheduling.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session as hub websites and calendars show it. Times are in UK local time (Europe/London) with their offset. */
public record SessionView(
        UUID id,
        /** Null for a central session. */
        UUID workGroupId,
        boolean central,
        String programmeCode,
        String academicYear,
        String title,
        String audience,
        String deliveryMode,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String term,
        String location,
        String joinLink,
        String recordingLink,
        String status,
        /** Why the session was last moved or cancelled. */
        String statusReason,
        /** Revisions so far; calendars use it to replace the event they hold. */
        int sequence) {
}
