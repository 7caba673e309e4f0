package uk.mathshubs.catalogue.service;

import java.util.Optional;

/** What a hub website may filter the public listing by. */
public record WorkGroupFilter(
        Optional<String> programme,
        Optional<String> hub,
        Optional<String> academicYear,
        boolean openNow,
        boolean hasPlaces) {
}
