package uk.mathshubs.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Every item of a list, page after page (a Work Group in an opening rush has more applications than one page). */
public final class AllPages {

    /** Enough for any one Work Group, and the end of a runaway cursor. */
    private static final int MAX_PAGES = 50;

    private AllPages() {
    }

    public static <T> Uni<List<T>> of(Function<String, Uni<Page<T>>> page) {
        return collect(page, null, new ArrayList<>(), 0);
    }

    private static <T> Uni<List<T>> collect(Function<String, Uni<Page<T>>> page, String cursor, List<T> items, int pages) {
        return page.apply(cursor).flatMap(current -> {
            items.addAll(current.items());
            return current.hasMore() && pages + 1 < MAX_PAGES
                    ? collect(page, current.next(), items, pages + 1)
                    : Uni.createFrom().item(items);
        });
    }
}
