package uk.mathshubs.webhooks.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new signing secret, shown this once; the one before it also signs until {@code previousSecretValidUntil}. */
public record RotatedSecret(
        @Schema(required = true, example = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD") String secret,
        @Schema(required = true) Instant previousSecretValidUntil) {
}
