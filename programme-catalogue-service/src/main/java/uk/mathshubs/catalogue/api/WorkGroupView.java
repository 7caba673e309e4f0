package uk.mathshubs.catalogue.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Work Group as hub websites show it. Times are in UK local time (Europe/London) with their offset. */
public record WorkGroupView(
        UUID id,
        ProgrammeRef programme,
        HubRef hub,
        String academicYear,
        int capacity,
        int placesLeft,
        String lead,
        String allocationPolicy,
        String status,
        Window applicationWindow,
        @Schema(description = "Taking applications now: POST /api/v1/work-groups/{id}/applications is accepted")
        boolean openForApplications,
        @Schema(description = "Not taking applications now, so a school may register interest for next year's group instead: "
                + "exactly when POST /api/v1/work-groups/{id}/interest is accepted")
        boolean expressInterestForNextYear) {

    public record ProgrammeRef(String code, String title) {
    }

    public record HubRef(String code, String name) {
    }

    public record Window(OffsetDateTime opensAt, OffsetDateTime closesAt, LocalDate confirmationDate) {
    }
}
