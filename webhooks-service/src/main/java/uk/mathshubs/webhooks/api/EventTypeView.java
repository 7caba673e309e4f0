package uk.mathshubs.webhooks.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EventTypeView(
        @Schema(required = true, example = "application.decision-released") String type,
        @Schema(required = true) String description) {
}
