package uk.mathshubs.console.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.AllPages;
import uk.mathshubs.console.api.Page;
import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.CatalogueApi.WorkGroup;
import uk.mathshubs.console.api.SchedulingApi;
import uk.mathshubs.console.api.SchedulingApi.Attendance;
import uk.mathshubs.console.api.SchedulingApi.Completion;
import uk.mathshubs.console.api.SchedulingApi.Session;

/** The register of a session, taken for everyone at once, and each school's progress towards completion. */
@Path("/")
@Authenticated
public class RegisterPages {

    /** The marks a register takes, in the order the form offers them. */
    static final List<Mark> MARKS = List.of(new Mark("ATTENDED", "Attended"), new Mark("ABSENT", "Absent"),
            new Mark("APOLOGIES", "Apologies"));

    /** A mark as the API codes it and as the form says it. */
    public record Mark(String code, String label) {
    }
    private static final String FIELD_PREFIX = "attendance-";

    private final SchedulingApi scheduling;
    private final CatalogueApi catalogue;

    public RegisterPages(@RestClient SchedulingApi scheduling, @RestClient CatalogueApi catalogue) {
        this.scheduling = scheduling;
        this.catalogue = catalogue;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(Session session, List<Attendance> register, RawString rows,
                Errors errors, boolean saved);

        static native TemplateInstance completion(WorkGroup workGroup, Completion completion);
    }

    @GET
    @Path("sessions/{id}/register")
    public Uni<Response> register(@PathParam("id") UUID sessionId, @QueryParam("saved") boolean saved) {
        return page(sessionId, Errors.none(), saved);
    }

    /** Every person's mark in one call: the API takes the register whole or not at all. */
    @POST
    @Path("sessions/{id}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> record(@PathParam("id") UUID sessionId, MultivaluedMap<String, String> form) {
        List<SchedulingApi.Mark> marks = new ArrayList<>();
        for (var field : form.entrySet()) {
            if (!field.getKey().startsWith(FIELD_PREFIX) || field.getValue().isEmpty()) {
                continue;
            }
            UUID participant;
            try {
                participant = UUID.fromString(field.getKey().substring(FIELD_PREFIX.length()));
            } catch (IllegalArgumentException notOurs) {
                return page(sessionId, Errors.field("records", "The register was not one of ours: reload it"), false);
            }
            String mark = field.getValue().get(0);
            if (!mark.isBlank()) {
                marks.add(new SchedulingApi.Mark(participant, mark));
            }
        }
        if (marks.isEmpty()) {
            return page(sessionId, Errors.field("records", "Mark at least one person as attended, absent or apologies"), false);
        }
        return Errors.orFormAgain(scheduling.record(sessionId, new SchedulingApi.Register(marks))
                .map(recorded -> Response.seeOther(URI.create("/sessions/" + sessionId + "/register?saved=true")).build()),
                errors -> page(sessionId, errors, false));
    }

    private Uni<Response> page(UUID sessionId, Errors errors, boolean saved) {
        return Uni.combine().all().unis(scheduling.session(sessionId), AllPages.of(cursor -> scheduling.register(sessionId, cursor, Page.LARGEST)))
                .asTuple()
                .map(both -> Response.status(errors.status())
                        .entity(Templates.register(both.getItem1(), both.getItem2(), Rows.register(both.getItem2(), MARKS),
                                errors, saved)).build());
    }

    @GET
    @Path("work-groups/{id}/completion")
    public Uni<TemplateInstance> completion(@PathParam("id") UUID workGroupId) {
        return Uni.combine().all().unis(catalogue.workGroup(workGroupId), scheduling.completion(workGroupId)).asTuple()
                .map(both -> Templates.completion(both.getItem1(), both.getItem2()));
    }
}
