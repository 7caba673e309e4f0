package uk.mathshubs.applications.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an erasure did here; the other services follow from its event. It never says whom it was about. */
@Schema(example = """
        {"id": "5d7c2a4e-8b1f-4e3a-9c6d-2f0e1b3a4c5d", "requestedBy": "ncetm.admin", "erasedAt": "2027-11-02T10:15:00Z",
         "records": 3, "applications": 2}""")
public record ErasureView(
        UUID id,
        String requestedBy,
        Instant erasedAt,
        @Schema(description = "Records overwritten: people named on applications, contacts, confirmations, expressions of interest") int records,
        @Schema(description = "Applications that named them: they stay, with the person's details overwritten") int applications) {
}
