package uk.mathshubs.applications.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;
import uk.mathshubs.applications.api.validation.ValidTrn;
import uk.mathshubs.applications.api.validation.WithinWordLimit;
import uk.mathshubs.applications.domain.eligibility.Answer;
import uk.mathshubs.contracts.ParticipantRole;

/** The seed application form: school, headteacher, main contact, the people the programme needs, and the statement. */
public record ApplicationRequest(
        @NotNull @Valid School school,
        @NotNull @Valid Headteacher headteacher,
        @NotNull @Valid MainContact mainContact,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid LeadTeacher> leadTeachers,
        @Schema(example = "We want every child to leave Key Stage 1 fluent and flexible with number.") @NotBlank @Size(max = 4000) @WithinWordLimit @PlainText(multiline = true) String headteacherStatement,
        @Schema(description = "Answers to the programme's declaration questions (see its eligibility rule set), e.g. {\"year4And5TeachersCanCommitFully\": \"YES\"}")
        @Size(max = 20) Map<@NotBlank @Size(max = 100) @PlainText String, @NotNull Answer> declarations) {

    public Map<String, Answer> declarationsOrNone() {
        return declarations == null ? Map.of() : declarations;
    }

    public record School(
            @Schema(example = "103456") @NotBlank @Pattern(regexp = "\\d{6,7}", message = "must be the school's 6 or 7 digit URN") String urn,
            @Schema(example = "Elston Hall Primary School") @NotBlank @Size(max = 200) @PlainText String name,
            @Schema(example = "Elston Hall Lane, Wolverhampton WV10 9JS") @NotBlank @Size(max = 500) @PlainText String address,
            @Schema(example = "01902 556360") @NotBlank @Pattern(regexp = "[0-9 +()\\-]{6,20}", message = "must be a telephone number") String telephone,
            @Schema(example = "Wolverhampton") @NotBlank @Size(max = 100) @PlainText String localAuthority) {
    }

    public record Headteacher(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) String email) {
    }

    public record MainContact(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @ValidTrn String trn,
            @NotBlank @Size(max = 500) @PlainText String schoolRoles) {
    }

    /** One per role the programme requires besides the headteacher (the maths lead included). */
    public record LeadTeacher(
            @NotNull ParticipantRole role,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @ValidTrn String trn,
            @Size(max = 500) @PlainText String schoolRoles) {
    }
}
