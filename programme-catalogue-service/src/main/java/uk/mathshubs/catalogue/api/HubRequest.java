package uk.mathshubs.catalogue.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record HubRequest(
        @Schema(example = "Central Maths Hub") @NotBlank @Size(max = 200) String name,
        @Schema(example = "central@mathshub.example") @NotBlank @Email @Size(max = 254) String contactEmail,
        @Schema(example = "West Midlands") @NotBlank @Size(max = 100) String region) {
}
