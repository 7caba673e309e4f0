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

/**
 * A hub's local session for one of its Work Groups. Times are UK local times without an offset; a time
 * with one (such as {@code ...Z}) is refused rather than silently read as UK time.
 */
public record SessionRequest(
        @Schema(example = "Autumn local session") @NotBlank @Size(max = 200) String title,
        @NotNull Audience audience,
        @NotNull DeliveryMode deliveryMode,
        @Schema(implementation = String.class, pattern = UkLocalTimes.PATTERN, description = UkLocalTimes.DESCRIPTION, example = "2027-10-14T16:00")
        @NotNull @JsonFormat(lenient = OptBoolean.FALSE) LocalDateTime startsAt,
        @Schema(implementation = String.class, pattern = UkLocalTimes.PATTERN, description = UkLocalTimes.DESCRIPTION, example = "2027-10-14T17:30")
        @NotNull @JsonFormat(lenient = OptBoolean.FALSE) LocalDateTime endsAt,
        @Schema(example = "Bishop Challoner Catholic College") @Size(max = 300) String location,
        @Schema(example = "https://meet.example/abc") @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String joinLink)
        implements SessionDetails {
}
