package uk.mathshubs.webhooks.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.webhooks.domain.DeliveryStatus;

/** One message to the subscription: how it went so far. */
public record DeliveryView(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The webhook-id the receiver was sent (the same on every attempt)") String messageId,
        @Schema(required = true) String eventType,
        @Schema(required = true) DeliveryStatus status,
        @Schema(required = true) int attempts,
        @Schema(description = "The status code of the last answer; null if there was none (a timeout, a refused connection)") Integer lastStatusCode,
        @Schema(description = "What went wrong on the last attempt") String lastError,
        Instant lastAttemptAt,
        @Schema(description = "When it is (next) due, while PENDING") Instant nextAttemptAt,
        Instant deliveredAt,
        @Schema(required = true) Instant createdAt) {
}
