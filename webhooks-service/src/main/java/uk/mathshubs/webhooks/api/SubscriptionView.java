package uk.mathshubs.webhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.webhooks.domain.SubscriptionStatus;

public record SubscriptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String url,
        @Schema(required = true) List<String> eventTypes,
        String description,
        @Schema(description = "The hub it is told about; null for a national subscription (the NCETM), told about every hub") String hubCode,
        @Schema(required = true, description = "ACTIVE, or DISABLED after the receiver answered 410 Gone") SubscriptionStatus status,
        @Schema(description = "Why it was switched off") String disabledReason,
        @Schema(description = "Until when the secret before the last rotation also signs") Instant previousSecretValidUntil,
        @Schema(required = true) Instant createdAt) {
}
