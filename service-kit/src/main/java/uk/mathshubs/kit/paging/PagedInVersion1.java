package uk.mathshubs.kit.paging;

/** The paging of a list that version 1 of the API paged already, in its own way: a caller pinned to version 1 gets pages of the size asked. */
public class PagedInVersion1 extends PageRequest {

    @Override
    protected int formerSize() {
        return askedWithinBounds();
    }
}
