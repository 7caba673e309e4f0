package uk.mathshubs.catalogue.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

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
        boolean openForApplications,
        boolean expressInterestForNextYear) {

    public record ProgrammeRef(String code, String title) {
    }

    public record HubRef(String code, String name) {
    }

    public record Window(OffsetDateTime opensAt, OffsetDateTime closesAt, LocalDate confirmationDate) {
    }
}
