package uk.mathshubs.applications.api;

import java.time.Instant;

/** One person's confirmation of the programme's expectations; {@code confirmedAt} is empty until they confirm. */
public record ConfirmationView(String role, String name, Instant confirmedAt) {
}
