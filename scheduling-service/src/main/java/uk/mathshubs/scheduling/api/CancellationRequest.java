package uk.mathshubs.scheduling.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a session is cancelled: schools and calendars see the text; the NCETM counts the code. */
public record CancellationRequest(
        @Schema(example = "The facilitator is ill; a replacement session will follow") @NotBlank @Size(max = 500) String reason,
        @Schema(description = "The reason as a code from GET /api/v1/reason-codes/session-cancellation, beside the free text "
                + "(still required); absent, NOT_GIVEN is recorded. A code not in use is a 400 naming reasonCode",
                example = "FACILITATOR_UNAVAILABLE", pattern = "^[A-Z][A-Z0-9_]*$", maxLength = 60)
        @Size(max = 60) String reasonCode) {
}
