package uk.mathshubs.kit.paging;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

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
    /** The paging's own parameters (version 1's included): a next page changes them, not the list. */
    private static final Set<String> PAGING = Set.of("cursor", "size", "page", "limit", "before");

    @Parameter(description = "The previous page's next; leave out for the first page")
    @QueryParam("cursor")
    String cursor;

    @Parameter(description = "Items per page: 100 unless the list says otherwise, at most 1000", example = "100")
    @QueryParam("size")
    Integer size;

    @Parameter(hidden = true)
    @HeaderParam(ApiVersions.HEADER)
    String version;

    /** The request, for the list its cursors belong to. */
    @Context
    UriInfo uri;

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
        return cursor == null || cursor.isBlank() || former() ? 0 : Cursors.offsetOf(scope(), cursor);
    }

    /** The key a list read in its key's order continues after; empty on the first page. */
    public Optional<String> after() {
        return cursor == null || cursor.isBlank() || former() ? Optional.empty()
                : Optional.of(Cursors.keyOf(scope(), cursor));
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

    /**
     * The list a cursor belongs to: the path and every query parameter but the paging's own, as a short hash (empty
     * for a request made in code). Parameters are compared sorted, so their order in the address does not matter.
     */
    String scope() {
        if (uri == null) {
            return "";
        }
        StringBuilder list = new StringBuilder(uri.getPath());
        new TreeMap<>(uri.getQueryParameters()).forEach((name, values) -> {
            if (!PAGING.contains(name)) {
                list.append('&').append(name).append('=').append(values);
            }
        });
        return Integer.toHexString(list.toString().hashCode());
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
