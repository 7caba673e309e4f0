package uk.mathshubs.catalogue.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record HubRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String contactEmail,
        @NotBlank @Size(max = 100) String region) {
}
