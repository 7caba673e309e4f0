package uk.mathshubs.applications.api;

import java.time.Instant;

public record ParticipationRecordView(String urn, String programmeCode, String academicYear, String outcome, String source,
        Instant recordedAt) {
}
