package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of one of the NCETM's feeds: a page of the API's usual shape with the watermark to come back from. Nothing
 * changed at or after it can be missing from the pull that ends with this page.
 */
public record SyncPage<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true, description = "The page size used", example = "100") int size,
        @Schema(description = "Pass as cursor= for the next page; null on the last page") String next,
        @Schema(required = true, description = "The server's time up to which this pull is complete: when next is null, pass it "
                + "as the next pull's updatedSince. Rows being written while the pull ran (and so not in it) all changed at or "
                + "after it.", example = "2027-09-02T08:15:30.123Z")
        Instant watermark) {
}
