package uk.mathshubs.scheduling.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a sync. {@code next} is an opaque cursor for the page after this one, absent on the last page; it stays
 * valid while data changes: a row changed after it was read comes again later, with its new values.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "The page size used (default 100, at most 1000)", example = "100") int size,
        @Schema(description = "Pass as cursor= for the next page; null on the last page") String next) {
}
