package uk.mathshubs.kit.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. Every list of the API answers in this shape and takes {@link PageRequest}'s {@code cursor} and
 * {@code size}: follow {@code next} until it is null.
 */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true, description = "The page size used", example = "100") int size,
        @Schema(description = "Pass as cursor= for the next page; null on the last page") String next) {

    /** A page of a list read whole (the lists that stay short: a Work Group's sessions, a register), cut at the request's place. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int offset = request.offset();
        return fromOffset(all.subList(Math.min(offset, all.size()), all.size()), request);
    }

    /**
     * A page read from the request's {@link PageRequest#offset()} with up to one row more than {@link PageRequest#size()}:
     * that row only tells there is a next page.
     */
    public static <T> Page<T> fromOffset(List<T> rows, PageRequest request) {
        int size = request.size();
        if (rows.size() <= size) {
            return new Page<>(List.copyOf(rows), size, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, size)), size, Cursors.offset(request.scope(), request.offset() + size));
    }

    /**
     * A page read after the request's {@link PageRequest#after()} key, in the key's order, with up to one row more than
     * asked: the next page starts after the last row's key.
     */
    public static <T> Page<T> afterKey(List<T> rows, PageRequest request, Function<T, ?> key) {
        int size = request.size();
        if (rows.size() <= size) {
            return new Page<>(List.copyOf(rows), size, null);
        }
        List<T> items = List.copyOf(rows.subList(0, size));
        return new Page<>(items, size, Cursors.key(request.scope(), String.valueOf(key.apply(items.getLast()))));
    }

    /** The same page with its items made into something else (entities into views), a list at a time. */
    public <R> Page<R> map(Function<List<T>, List<R>> convert) {
        return new Page<>(convert.apply(items), size, next);
    }
}
