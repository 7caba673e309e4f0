package uk.mathshubs.applications.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import uk.mathshubs.kit.input.Superseded;
import uk.mathshubs.kit.paging.ApiVersions;
import uk.mathshubs.kit.paging.PagedInVersion1;
import uk.mathshubs.kit.problem.ProblemException;

/** The school search's pages: an autocomplete's few best matches, 10 unless asked, at most 50 (limit in version 1). */
public class SchoolSearchPaging extends PagedInVersion1 {

    private static final int DEFAULT = 10;
    private static final int MOST = 50;

    /** The former name of size, still taken; answers to it carry Deprecation and Sunset. */
    @Parameter(deprecated = true, description = "The former name of size, taken until " + ApiVersions.VERSION_1_SUNSET)
    @Superseded(by = "size", since = ApiVersions.VERSION_1_DEPRECATED, sunset = ApiVersions.VERSION_1_SUNSET)
    @QueryParam("limit")
    Integer limit;

    @Override
    protected Integer askedSize() {
        Integer size = super.askedSize();
        if (size != null && limit != null) {
            throw ProblemException.invalidField("limit", "the former name of size: send one of them");
        }
        return size != null ? size : limit;
    }

    @Override
    protected int defaultSize() {
        return DEFAULT;
    }

    @Override
    protected int maxSize() {
        return MOST;
    }
}
