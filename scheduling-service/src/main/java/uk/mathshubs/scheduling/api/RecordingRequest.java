package uk.mathshubs.scheduling.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the recording of a session that has taken place can be watched, such as the NCETM's portal. */
public record RecordingRequest(
        @Schema(example = "https://www.ncetm.org.uk/recordings/mn-ks2-launch") @NotBlank @Size(max = 2000)
        @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String recordingLink) {
}
