package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One school's application to one Work Group: where it stands and when each step happened. */
@Schema(description = "A school applying to, or taking part in, a Work Group", example = """
        {"applicationId": "0b9f7c52-3c1e-4d53-8c7e-5b0f3c2a9d11", "reference": "MH-7Q4K-2M9X",
         "workGroupId": "aa2736b8-a10a-43b3-9eb2-017efaeef54f", "programmeCode": "MN_RKS1", "hubCode": "CENTRAL",
         "academicYear": "2027/28", "urn": "137001", "schoolName": "Elston Hall Primary School", "status": "ACCEPTED",
         "submittedAt": "2027-04-03T09:00:12Z", "waitlistedAt": "2027-04-03T09:00:12Z", "waitingListPosition": null,
         "offeredAt": "2027-05-10T12:00:00Z", "offerExpiresAt": "2027-05-17T12:00:00Z", "offerEndedAt": null,
         "acceptedAt": "2027-05-11T08:30:00Z", "rejectedAt": null, "withdrawnAt": null,
         "updatedAt": "2027-05-11T08:30:00.412Z", "reasonCode": null}""")
public record SchoolRow(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String programmeCode,
        String hubCode,
        String academicYear,
        String urn,
        String schoolName,
        @Schema(enumeration = {"SUBMITTED", "WAITLISTED", "OFFERED", "ACCEPTED", "DECLINED", "EXPIRED", "REJECTED",
                "WITHDRAWN"}) String status,
        Instant submittedAt,
        Instant waitlistedAt,
        @Schema(description = "While waitlisted: 1 is the next school offered a place") Integer waitingListPosition,
        Instant offeredAt,
        Instant offerExpiresAt,
        @Schema(description = "When an offer was declined or expired") Instant offerEndedAt,
        Instant acceptedAt,
        Instant rejectedAt,
        Instant withdrawnAt,
        /** When anything this row shows last changed. */
        Instant updatedAt,
        /** Last, so that the CSV's earlier columns stay where they were. */
        @Schema(description = "Why the application ended, as a code, for counting drop-out: REJECTED from GET "
                + "/api/v1/reason-codes/rejection, WITHDRAWN from /withdrawal, DECLINED from /offer-decline; NOT_GIVEN when "
                + "none was given; null for every other status (an offer that EXPIRED included) and for steps announced "
                + "before codes", example = "STAFF_CHANGES") String reasonCode) {
}
