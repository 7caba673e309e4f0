package uk.mathshubs.scheduling.api;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;

/** New UK local times for a session still to come, and why it moves: schools and calendars see the reason. */
public record RescheduleRequest(
        @Schema(implementation = String.class, pattern = UkLocalTimes.PATTERN, description = UkLocalTimes.DESCRIPTION, example = "2027-10-21T16:00")
        @NotNull @JsonFormat(lenient = OptBoolean.FALSE) LocalDateTime startsAt,
        @Schema(implementation = String.class, pattern = UkLocalTimes.PATTERN, description = UkLocalTimes.DESCRIPTION, example = "2027-10-21T17:30")
        @NotNull @JsonFormat(lenient = OptBoolean.FALSE) LocalDateTime endsAt,
        @Schema(example = "The venue is closed for a staff training day") @NotBlank @Size(max = 500) String reason) {
}
