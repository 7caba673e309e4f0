package uk.mathshubs.applications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as the school, its hub and the NCETM see it. */
public record ApplicationView(
        String reference,
        UUID workGroupId,
        String status,
        Integer waitingListPosition,
        Instant submittedAt,
        School school,
        List<Person> people) {

    public record School(String urn, String name, String localAuthority) {
    }

    public record Person(String role, String name, String email) {
    }
}
