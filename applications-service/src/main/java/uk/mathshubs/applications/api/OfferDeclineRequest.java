package uk.mathshubs.applications.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

/** Why a school declines a place offered from the waiting list; the whole body is optional. */
public record OfferDeclineRequest(
        @Schema(example = "We have a place in another hub's Work Group") @Size(max = 1000) @PlainText(multiline = true) String reason,
        @Schema(description = "The reason as a code from GET /api/v1/reason-codes/offer-decline, beside the free text; absent, "
                + "NOT_GIVEN is recorded. A code not in use is a 400 naming reasonCode", example = "NO_LONGER_NEEDED",
                pattern = "^[A-Z][A-Z0-9_]*$", maxLength = 60)
        @Size(max = 60) String reasonCode) {
}
