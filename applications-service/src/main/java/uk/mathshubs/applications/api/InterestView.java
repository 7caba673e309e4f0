package uk.mathshubs.applications.api;

import java.time.Instant;
import java.util.UUID;

public record InterestView(UUID workGroupId, String urn, String schoolName, String contactName, String contactEmail,
        Instant registeredAt) {
}
