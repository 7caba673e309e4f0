package uk.mathshubs.scheduling.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a session is cancelled: schools and calendars see it. */
public record CancellationRequest(
        @Schema(example = "The facilitator is ill; a replacement session will follow") @NotBlank @Size(max = 500) String reason) {
}
