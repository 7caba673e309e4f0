package uk.mathshubs.applications.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

public record WithdrawalRequest(
        @Schema(example = "Our Year 2 teacher is leaving at Christmas") @Size(max = 1000) @PlainText(multiline = true) String reason,
        @Schema(description = "The reason as a code from GET /api/v1/reason-codes/withdrawal, beside the free text: what the "
                + "NCETM counts drop-out by; absent, NOT_GIVEN is recorded. A code not in use is a 400 naming reasonCode",
                example = "STAFF_CHANGES", pattern = "^[A-Z][A-Z0-9_]*$", maxLength = 60)
        @Size(max = 60) String reasonCode) {
}
