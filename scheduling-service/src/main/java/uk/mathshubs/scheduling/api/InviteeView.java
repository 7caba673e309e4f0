package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One person asked to answer a survey, as their hub sees them: whether they answered, not what. */
@Schema(description = "A person asked to answer a survey")
public record InviteeView(
        @Schema(required = true) UUID participantId,
        @Schema(required = true, example = "Tracy Lead") String name,
        @Schema(required = true, example = "LEAD_TEACHER_YEAR_1") String role,
        @Schema(required = true, example = "137001") String urn,
        @Schema(required = true, example = "Elston Hall Primary School") String schoolName,
        @Schema(required = true) Instant sentAt,
        @Schema(description = "The last reminder; null if none") Instant remindedAt,
        @Schema(required = true) boolean answered,
        @Schema(description = "The earliest a reminder may go (one a week at most); null once answered") Instant remindableFrom) {
}
