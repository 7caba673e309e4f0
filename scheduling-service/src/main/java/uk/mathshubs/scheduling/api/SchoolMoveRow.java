package uk.mathshubs.scheduling.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school's history continuing under another URN: what a copy holds under {@code urn} now belongs to {@code successorUrn}. */
@Schema(description = "A school's history moved to its successor URN (GIAS links)", example = """
        {"urn": "103456", "successorUrn": "148012", "linkType": "Successor", "movedAt": "2027-09-01T06:00:00Z",
         "updatedAt": "2027-09-01T06:00:00.412Z"}""")
public record SchoolMoveRow(
        String urn,
        String successorUrn,
        @Schema(description = "GIAS's word for the link: Successor, Predecessor - amalgamated, ...") String linkType,
        @Schema(description = "When the schools register recorded it") Instant movedAt,
        /** When anything this row shows last changed. */
        Instant updatedAt) {
}
