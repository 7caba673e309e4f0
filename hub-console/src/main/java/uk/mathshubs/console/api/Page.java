package uk.mathshubs.console.api;

import java.util.List;

/** One page of a list, as every list of the API answers: the items and the cursor of the next page, if any. */
public record Page<T>(List<T> items, int size, String next) {

    /** The most items a list of the API gives at once (the Work Groups list: 100). */
    public static final int LARGEST = 1000;

    public boolean hasMore() {
        return next != null;
    }
}
