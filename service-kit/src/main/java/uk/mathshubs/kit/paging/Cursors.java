package uk.mathshubs.kit.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * The opaque {@code next} of a page: where the next page starts, as an offset into the list (lists read whole or by
 * offset) or as the last key read (lists read in their key's order), base64url so that callers pass it on as it is.
 * It names the list it belongs to (its path and filters, {@link PageRequest#scope()}): a cursor of another list, or
 * of the same list filtered otherwise, is refused rather than read as a position in this one.
 */
final class Cursors {

    private static final String OFFSET = "o:";
    private static final String KEY = "k:";
    /** Far beyond any list here; keeps an offset plus a page size within an int. */
    private static final int MAX_OFFSET = 1_000_000_000;

    private Cursors() {
    }

    static String offset(String scope, int offset) {
        return encode(OFFSET + scope + ":" + offset);
    }

    static String key(String scope, String key) {
        return encode(KEY + scope + ":" + key);
    }

    static int offsetOf(String scope, String cursor) {
        String position = decode(cursor, OFFSET + scope + ":");
        try {
            int offset = Integer.parseInt(position);
            if (offset >= 0 && offset <= MAX_OFFSET) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused();
    }

    static String keyOf(String scope, String cursor) {
        return decode(cursor, KEY + scope + ":");
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String kind) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (position.startsWith(kind) && position.length() > kind.length()) {
                return position.substring(kind.length());
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw refused();
    }

    static ProblemException refused() {
        return ProblemException.invalidField("cursor", "is not a cursor this list gave out; start again without one");
    }
}
