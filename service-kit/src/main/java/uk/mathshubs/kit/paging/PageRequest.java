package uk.mathshubs.kit.paging;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * The paging every list takes ({@code @BeanParam}): {@code cursor}, the previous page's {@code next}, and {@code size},
 * 100 items unless asked, at most 1000. A caller still pinned to the API's version 1 ({@code API-Version: 1}) is
 * answered a list whole, as version 1 did, until its sunset ({@link ApiVersions}).
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    @Parameter(description = "The previous page's next; leave out for the first page")
    @QueryParam("cursor")
    String cursor;

    @Parameter(description = "Items per page: 100 unless the list says otherwise, at most 1000", example = "100")
    @QueryParam("size")
    Integer size;

    @Parameter(hidden = true)
    @HeaderParam(ApiVersions.HEADER)
    String version;

    public PageRequest() {
    }

    /** A request made in code (a caller reading every page of a list itself). */
    public PageRequest(String cursor, Integer size) {
        this.cursor = cursor;
        this.size = size;
    }

    /** Items per page, within this list's bounds; everything for a caller pinned to version 1. */
    public int size() {
        return former() ? formerSize() : askedWithinBounds();
    }

    /** The size asked for, or this list's default; a 400 naming {@code size} outside its bounds. */
    protected final int askedWithinBounds() {
        Integer given = askedSize();
        int asked = given == null ? defaultSize() : given;
        if (asked < 1 || asked > maxSize()) {
            throw ProblemException.invalidField("size", "must be between 1 and " + maxSize());
        }
        return asked;
    }

    /** Where a list read whole or by offset starts (0 on the first page). */
    public int offset() {
        return cursor == null || cursor.isBlank() || former() ? 0 : Cursors.offsetOf(cursor);
    }

    /** The key a list read in its key's order continues after; empty on the first page. */
    public Optional<String> after() {
        return cursor == null || cursor.isBlank() || former() ? Optional.empty()
                : Optional.of(Cursors.keyOf(cursor));
    }

    /** The key of a list read in a numeric key's order (an arrival, an id) that it continues after. */
    public OptionalLong afterNumber() {
        return after().map(key -> {
            try {
                return OptionalLong.of(Long.parseLong(key));
            } catch (NumberFormatException e) {
                throw Cursors.refused();
            }
        }).orElse(OptionalLong.empty());
    }

    /** Whether the caller asked for the API's version 1, whose lists were not paged. */
    public boolean former() {
        return ApiVersions.former(version);
    }

    /** The cursor the caller sent, if any. */
    protected String cursor() {
        return cursor;
    }

    /** The size the caller asked for, if any. */
    protected Integer askedSize() {
        return size;
    }

    /**
     * What a caller pinned to version 1 gets: the whole list, as version 1 answered the lists marked
     * {@link ArrayInVersion1}; a list that version 1 already paged ({@link PagedInVersion1}) pages as asked.
     */
    protected int formerSize() {
        return Integer.MAX_VALUE - 1;
    }

    protected int defaultSize() {
        return DEFAULT_SIZE;
    }

    protected int maxSize() {
        return MAX_SIZE;
    }
}
