package uk.mathshubs.scheduling.api;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;

import uk.mathshubs.contracts.ParticipantRole.Audience;
import uk.mathshubs.scheduling.domain.DeliveryMode;

/** An NCETM session for every Work Group of a programme in an academic year. Times are UK local times. */
public record CentralSessionRequest(
        @Schema(example = "MN_KS2") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be upper case letters, digits and underscores, like MN_KS2") String programmeCode,
        @Schema(example = "2027/28") @NotBlank String academicYear,
        @Schema(example = "YouTube Live launch") @NotBlank @Size(max = 200) String title,
        @NotNull Audience audience,
        @NotNull DeliveryMode deliveryMode,
        @Schema(implementation = String.class, pattern = UkLocalTimes.PATTERN, description = UkLocalTimes.DESCRIPTION, example = "2027-09-16T16:00")
        @NotNull @JsonFormat(lenient = OptBoolean.FALSE) LocalDateTime startsAt,
        @Schema(implementation = String.class, pattern = UkLocalTimes.PATTERN, description = UkLocalTimes.DESCRIPTION, example = "2027-09-16T17:00")
        @NotNull @JsonFormat(lenient = OptBoolean.FALSE) LocalDateTime endsAt,
        @Size(max = 300) String location,
        @Schema(example = "https://www.youtube.com/live/example") @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String joinLink)
        implements SessionDetails {
}
