package uk.mathshubs.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import uk.mathshubs.kit.problem.ProblemException;

class PageTest {

    private static final List<Integer> LIST = IntStream.rangeClosed(1, 25).boxed().toList();

    @Test
    void followingNextReadsEveryItemOnceInOrder() {
        List<Integer> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Integer> page = Page.of(LIST, new PageRequest(cursor, 10));
            read.addAll(page.items());
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(read).isEqualTo(LIST);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aListThatFillsItsLastPageExactlyEndsThereWithoutAnEmptyPage() {
        Page<Integer> first = Page.of(LIST.subList(0, 20), new PageRequest(null, 10));
        Page<Integer> second = Page.of(LIST.subList(0, 20), new PageRequest(first.next(), 10));

        assertThat(second.items()).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(second.next()).isNull();
    }

    @Test
    void aKeyedPageContinuesAfterItsLastKey() {
        // as a query would read it: up to size + 1 rows after the key
        Page<Integer> first = Page.afterKey(LIST.subList(0, 11), new PageRequest(null, 10), n -> n * 100);
        PageRequest second = new PageRequest(first.next(), 10);

        assertThat(first.items()).hasSize(10);
        assertThat(second.afterNumber()).hasValue(1000);
        assertThat(Page.afterKey(LIST.subList(10, 12), second, n -> n).next()).isNull();
    }

    @Test
    void sizeIs100UnlessAskedAndAtMost1000() {
        assertThat(new PageRequest(null, null).size()).isEqualTo(100);
        assertThat(new PageRequest(null, 1000).size()).isEqualTo(1000);
        assertThatThrownBy(() -> new PageRequest(null, 1001).size()).isInstanceOf(ProblemException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> new PageRequest(null, 0).size()).isInstanceOf(ProblemException.class);
    }

    @Test
    void aCursorOfAnotherKindOrMadeUpIsRefusedNamingCursor() {
        String keyed = Page.afterKey(LIST.subList(0, 11), new PageRequest(null, 10), n -> n).next();
        String offset = Page.of(LIST, new PageRequest(null, 10)).next();

        assertThatThrownBy(() -> new PageRequest(keyed, 10).offset()).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> new PageRequest(offset, 10).afterNumber()).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> new PageRequest("not a cursor!", 10).offset()).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> new PageRequest("bzotMQ", 10).offset()).hasMessageStartingWith("cursor:"); // "o:-1"
    }

    @Test
    void version1IsAskedForWithItsMajorNumber() {
        assertThat(ApiVersions.former("1")).isTrue();
        assertThat(ApiVersions.former("1.2.0")).isTrue();
        assertThat(ApiVersions.former("2")).isFalse();
        assertThat(ApiVersions.former("11")).isFalse();
        assertThat(ApiVersions.former(null)).isFalse();
    }
}
