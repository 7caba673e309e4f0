package uk.mathshubs.kit.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.input.InputRules;
import uk.mathshubs.kit.input.Superseded;
import uk.mathshubs.kit.paging.ApiVersions;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PagedInVersion1;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/**
 * Each service's audit trail, for the NCETM's programme admins, at {@code /api/v1/audit/<the service's name>} (the
 * gateway routes each to its service): what changed, who changed it, when, and who read personal data.
 */
@Path("/api/v1/audit/{service}")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;
    private final String service;

    public AuditResource(AuditTrail trail, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.trail = trail;
        this.service = service;
    }

    @GET
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Who changed what and when in this service, and who read personal data: newest first",
            description = "Filters: action (an event type such as uk.mathshubs.applications.application.accepted.v1, or "
                    + "participation.read), subject (what it was about: an application's id or reference, a session's or Work Group's id), "
                    + "actor (a user or client name; system for the scheduler and event consumers), from and to (ISO 8601).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntryPage.class)))
    public Response entries(@PathParam("service") String name, @QueryParam("action") String action,
            @QueryParam("subject") String subject, @QueryParam("actor") String actor, @QueryParam("from") String from,
            @QueryParam("to") String to, @BeanParam PagedInVersion1 paging,
            @Parameter(deprecated = true, description = "The former paging: the previous page's next, as a number (version 1)")
            @Superseded(by = "cursor", since = ApiVersions.VERSION_1_DEPRECATED, sunset = ApiVersions.VERSION_1_SUNSET)
            @QueryParam("before") String before) {
        if (!service.equals(name)) {
            throw new NotFoundException();
        }
        Long after = after(before, paging);
        Page<AuditTrail.Entry> page = trail.entries(new AuditTrail.Query(action, subject, actor, instant("from", from),
                instant("to", to), after, paging));
        if (paging.former()) {
            return Response.ok(new Version1Page(page.items(), page.next() == null ? null : page.items().getLast().id())).build();
        }
        return Response.ok(page).build();
    }

    /** A page of the trail, for the OpenAPI document. */
    static final class EntryPage {
        public List<AuditTrail.Entry> items;
        @Schema(description = "The page size used", example = "100")
        public int size;
        @Schema(description = "Pass as cursor= for the next page; null on the last page")
        public String next;
    }

    /** A page as version 1 answered it: next was the last entry's id, passed as before=. */
    record Version1Page(List<AuditTrail.Entry> entries, Long next) {
    }

    /** Where the page starts: after the cursor's entry, or version 1's before= (blank: the first page). */
    private static Long after(String before, PagedInVersion1 paging) {
        java.util.OptionalLong cursor = paging.afterNumber();
        if (before == null || before.isBlank()) {
            return cursor.isPresent() ? cursor.getAsLong() : null;
        }
        if (cursor.isPresent()) {
            throw ProblemException.invalidField("before", "version 1's paging: send cursor or before, not both");
        }
        try {
            return Long.valueOf(before.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("before", "must be the next of a page this API gave out");
        }
    }

    private static Instant instant(String field, String value) {
        return InputRules.instantParameter(field, value).orElse(null);
    }
}
