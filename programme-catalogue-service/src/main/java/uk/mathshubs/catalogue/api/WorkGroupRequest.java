package uk.mathshubs.catalogue.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.catalogue.domain.AllocationPolicy;

/** A Work Group as a hub or the NCETM sets it up; status is changed separately, through its lifecycle. */
public record WorkGroupRequest(
        @Schema(example = "MN_RKS1") @NotBlank String programmeCode,
        @Schema(example = "CENTRAL") @NotBlank String hubCode,
        @Schema(example = "2027/28") @NotBlank @Pattern(regexp = "\\d{4}/\\d{2}", message = "must look like 2024/25") String academicYear,
        @Schema(example = "50") @Min(1) @Max(1000) int capacity,
        @Schema(example = "Jo Lead") @NotBlank @Size(max = 200) String lead,
        @NotNull AllocationPolicy allocationPolicy,
        @NotNull @Valid ApplicationWindow applicationWindow) {

    /** When schools may apply, and when they hear whether they have a place. Times carry their UTC offset. */
    public record ApplicationWindow(
            @Schema(example = "2026-11-02T09:00:00Z") @NotNull OffsetDateTime opensAt,
            @Schema(example = "2027-03-05T17:00:00Z") @NotNull OffsetDateTime closesAt,
            @Schema(example = "2027-03-11") @NotNull LocalDate confirmationDate) {
    }
}
