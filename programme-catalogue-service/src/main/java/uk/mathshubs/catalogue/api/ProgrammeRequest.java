package uk.mathshubs.catalogue.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.contracts.ParticipantRole;

/** What the NCETM sends to add or change a programme. */
public record ProgrammeRequest(
        @Schema(example = "MN_EMBEDDING") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be upper case letters, digits and underscores, like MN_KS2") String code,
        @Schema(example = "Embedding the Impact of Mastering Number") @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String summary,
        @NotEmpty List<@NotBlank @Size(max = 50) String> yearGroups,
        @NotEmpty @Size(max = 20) List<@NotNull ParticipantRole> requiredRoles,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 2000) String> expectations,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 2000) String> benefits,
        @Schema(example = "Free") @NotBlank @Size(max = 500) String cost,
        @Schema(example = "Fully funded by the Maths Hubs Programme") @NotBlank @Size(max = 500) String funding,
        @Schema(example = "0") @Min(0) @Max(50) int centralSessions,
        @Schema(example = "MN_EMBEDDING") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must name a rule set, like MN_KS2") String eligibilityRuleSet) {
}
