package uk.mathshubs.applications.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom to erase: a teacher's email address, their TRN, or both (anyone matching either is erased). */
@Schema(description = "A person's request to be erased, as the NCETM received it", example = """
        {"email": "yusuf.one@school.example", "trn": "345 6789"}""")
public record ErasureRequest(
        @Email @Size(max = 254) String email,
        @Schema(description = "5 to 7 digits; spaces and dashes are ignored") @Size(max = 20) String trn) {
}
