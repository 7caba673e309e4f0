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

import uk.mathshubs.catalogue.domain.AllocationPolicy;

/** A Work Group as a hub or the NCETM sets it up; status is changed separately, through its lifecycle. */
public record WorkGroupRequest(
        @NotBlank String programmeCode,
        @NotBlank String hubCode,
        @NotBlank @Pattern(regexp = "\\d{4}/\\d{2}", message = "must look like 2024/25") String academicYear,
        @Min(1) @Max(1000) int capacity,
        @NotBlank @Size(max = 200) String lead,
        @NotNull AllocationPolicy allocationPolicy,
        @NotNull @Valid ApplicationWindow applicationWindow) {

    /** When schools may apply, and when they hear whether they have a place. Times carry their UTC offset. */
    public record ApplicationWindow(
            @NotNull OffsetDateTime opensAt,
            @NotNull OffsetDateTime closesAt,
            @NotNull LocalDate confirmationDate) {
    }
}
