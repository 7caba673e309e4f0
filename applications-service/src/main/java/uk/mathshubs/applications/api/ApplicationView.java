package uk.mathshubs.applications.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as the school, its hub and the NCETM see it. */
public record ApplicationView(
        String reference,
        UUID workGroupId,
        @Schema(description = "Schools and hub websites see ACCEPTED, WAITLISTED and REJECTED from the Work Group's confirmation date; until then SUBMITTED")
        String status,
        Integer waitingListPosition,
        Instant submittedAt,
        @Schema(description = "The Work Group's confirmation date: when the school hears the decision")
        LocalDate decisionDate,
        String decisionReason,
        @Schema(description = "Why the school left, as a code: for REJECTED from GET /api/v1/reason-codes/rejection, WITHDRAWN "
                + "from /withdrawal, DECLINED from /offer-decline; NOT_GIVEN when none was given; null for every other status "
                + "(and for steps taken before reason codes)", example = "STAFF_CHANGES")
        String reasonCode,
        @Schema(description = "For an OFFERED place: when the hold ends and the place goes to the next school")
        Instant offerExpiresAt,
        EligibilityView eligibility,
        @Schema(description = "The headteacher's and each lead teacher's confirmation of the programme's expectations: all of "
                + "them from the application's receipt, confirmedAt empty until each confirms through the link emailed just after")
        List<ConfirmationView> confirmations,
        @Schema(description = "True once everyone named has confirmed: the application is complete")
        boolean complete,
        School school,
        List<Person> people) {

    public record School(String urn, String name, String localAuthority) {
    }

    public record Person(String role, String name, String email) {
    }
}
