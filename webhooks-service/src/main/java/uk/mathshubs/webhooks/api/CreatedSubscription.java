package uk.mathshubs.webhooks.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription and its signing secret, shown this once. */
public record CreatedSubscription(
        @Schema(required = true) SubscriptionView subscription,
        @Schema(required = true, description = "The signing secret (Standard Webhooks whsec_...): shown only now; keep it", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {
}
