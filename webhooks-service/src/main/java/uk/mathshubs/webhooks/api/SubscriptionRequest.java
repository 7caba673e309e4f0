package uk.mathshubs.webhooks.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SubscriptionRequest(
        @Schema(required = true, description = "Where messages are posted: https, on the public internet", example = "https://www.example-hub.org.uk/hooks/maths-hubs")
        @NotBlank @Size(max = 2000) String url,
        @Schema(required = true, description = "The types to be told of: see GET /api/v1/webhooks/event-types", example = "[\"application.decision-released\", \"session.moved\"]")
        @NotEmpty List<@NotNull String> eventTypes,
        @Schema(description = "What the subscription is for, for whoever reads it later", example = "Decisions on our website's school pages")
        @Size(max = 200) String description) {
}
