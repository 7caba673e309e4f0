package uk.mathshubs.scheduling.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone holding a certificate's code may learn: whether it is valid, and for what. Never the person's name. */
@Schema(description = "A certificate's check", example = """
        {"code": "MH-7K3Q-9XW2-PD4M", "valid": true, "programme": "Mastering Number at Reception and Key Stage 1",
         "programmeCode": "MN_RKS1", "hub": "Central Maths Hub", "academicYear": "2027/28", "issuedOn": "2028-07-20",
         "voidedOn": null}""")
public record CertificateCheck(
        @Schema(required = true) String code,
        @Schema(required = true, description = "Issued and not voided") boolean valid,
        @Schema(required = true) String programme,
        @Schema(required = true) String programmeCode,
        @Schema(required = true) String hub,
        @Schema(required = true) String academicYear,
        @Schema(required = true) LocalDate issuedOn,
        @Schema(description = "When it stopped being valid (its school's completion corrected, or at the person's request)")
        LocalDate voidedOn) {
}
