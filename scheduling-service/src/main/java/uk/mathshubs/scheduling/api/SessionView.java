package uk.mathshubs.scheduling.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "A cancelled session's reason as a code from GET /api/v1/reason-codes/session-cancellation "
                + "(NOT_GIVEN when none was given); null for a session not cancelled, or cancelled before codes",
                example = "FACILITATOR_UNAVAILABLE")
        String reasonCode,
        /** Revisions so far; calendars use it to replace the event they hold. */
        int sequence) {
}
