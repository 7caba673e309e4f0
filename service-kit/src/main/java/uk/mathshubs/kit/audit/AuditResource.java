package uk.mathshubs.kit.audit;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.input.InputRules;
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
                    + "actor (a user or client name; system for the scheduler and event consumers), from and to (ISO 8601). "
                    + "Pass next as before= for the next page.")
    public AuditTrail.Page entries(@PathParam("service") String name, @QueryParam("action") String action,
            @QueryParam("subject") String subject, @QueryParam("actor") String actor, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") String before,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        if (!service.equals(name)) {
            throw new NotFoundException();
        }
        return trail.entries(new AuditTrail.Query(action, subject, actor, instant("from", from), instant("to", to),
                entryId("before", before), size));
    }

    /** A page's next, as given; anything else is the caller's mistake, named, not a 404. */
    private static Long entryId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be the next of a page this API gave out");
        }
    }

    private static Instant instant(String field, String value) {
        return InputRules.instantParameter(field, value).orElse(null);
    }
}
