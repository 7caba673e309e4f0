package uk.mathshubs.catalogue.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import uk.mathshubs.kit.input.Superseded;
import uk.mathshubs.kit.paging.ApiVersions;
import uk.mathshubs.kit.paging.PagedInVersion1;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * The listing's pages: 20 Work Groups unless asked, at most 100. Version 1 numbered its pages ({@code page}, from 0)
 * and answered them with {@code totalItems}; a caller pinned to version 1 still gets that.
 */
public class WorkGroupPaging extends PagedInVersion1 {

    private static final int MOST_PAGES = 1_000_000;

    @Parameter(deprecated = true, description = "Version 1's paging: the page's number, from 0; taken until " + ApiVersions.VERSION_1_SUNSET)
    @Superseded(by = "cursor", since = ApiVersions.VERSION_1_DEPRECATED, sunset = ApiVersions.VERSION_1_SUNSET)
    @QueryParam("page")
    Integer page;

    /** The page's number, from 0, as version 1 asked for it. */
    int page() {
        if (page == null) {
            return 0;
        }
        if (page < 0 || page > MOST_PAGES) {
            throw ProblemException.invalidField("page", "must be between 0 and " + MOST_PAGES);
        }
        return page;
    }

    @Override
    public int offset() {
        if (page != null && cursor() != null) {
            throw ProblemException.invalidField("page", "version 1's paging: send cursor or page, not both");
        }
        return page != null ? page() * size() : super.offset();
    }

    @Override
    protected int defaultSize() {
        return 20;
    }

    @Override
    protected int maxSize() {
        return 100;
    }
}
