package uk.mathshubs.console.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.AllPages;
import uk.mathshubs.console.api.ApplicationsApi;
import uk.mathshubs.console.api.ApplicationsApi.Application;
import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.CatalogueApi.Hub;
import uk.mathshubs.console.api.CatalogueApi.WorkGroup;
import uk.mathshubs.console.api.Page;

/** A hub's Work Groups (publish, close, run, complete) and one Work Group's applications. */
// At the root, as every page class whose paths another class's extend: Quarkus REST chooses the class first, by the
// longest prefix, and would never look past /work-groups for /work-groups/{id}/sessions.
@Path("/")
@Authenticated
public class WorkGroupPages {

    /** The most the Work Groups list gives at once. */
    static final int GROUPS_PER_PAGE = 100;

    private final CatalogueApi catalogue;
    private final ApplicationsApi applications;
    private final Viewer viewer;
    private final Csrf csrf;

    public WorkGroupPages(@RestClient CatalogueApi catalogue, @RestClient ApplicationsApi applications, Viewer viewer,
            Csrf csrf) {
        this.csrf = csrf;
        this.catalogue = catalogue;
        this.applications = applications;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<WorkGroup> workGroups, RawString rows, List<Hub> hubs, String hub, String changed,
                Errors errors);

        static native TemplateInstance workGroup(WorkGroup workGroup, Applications applications, String decided);
    }

    /** The applications of a Work Group as a hub works through them. */
    public record Applications(List<Application> toDecide, List<Application> offered, List<Application> waitingList,
            List<Application> accepted, List<Application> closed) {

        static Applications of(List<Application> all) {
            return new Applications(
                    with(all, "SUBMITTED", "NEEDS_REVIEW", "INELIGIBLE"),
                    with(all, "OFFERED"),
                    all.stream().filter(a -> "WAITLISTED".equals(a.status()))
                            .sorted(Comparator.comparing(Application::waitingListPosition,
                                    Comparator.nullsLast(Comparator.naturalOrder())))
                            .toList(),
                    with(all, "ACCEPTED"),
                    with(all, "REJECTED", "WITHDRAWN", "DECLINED", "EXPIRED"));
        }

        private static List<Application> with(List<Application> all, String... statuses) {
            List<String> wanted = List.of(statuses);
            return all.stream().filter(a -> a.status() != null && wanted.contains(a.status())).toList();
        }

        public int total() {
            return toDecide.size() + offered.size() + waitingList.size() + accepted.size() + closed.size();
        }
    }

    @GET
    @Path("work-groups")
    public Uni<Response> list(@QueryParam("hub") String hub, @QueryParam("cursor") String cursor,
            @QueryParam("changed") String changed) {
        return page(hub, cursor, changed, Errors.none());
    }

    @POST
    @Path("work-groups/{id}/status")
    public Uni<Response> changeStatus(@PathParam("id") UUID id, @RestForm String status, @RestForm String hub) {
        return Errors.orFormAgain(catalogue.changeStatus(id, new CatalogueApi.StatusChange(status))
                .map(changed -> {
                    UriBuilder location = UriBuilder.fromPath("/work-groups").queryParam("changed", changed.id());
                    if (Forms.blankToNull(hub) != null) {
                        location.queryParam("hub", hub);
                    }
                    return Response.seeOther(location.build()).build();
                }),
                errors -> page(hub, null, null, errors));
    }

    private Uni<Response> page(String hub, String cursor, String changed, Errors errors) {
        // A hub admin sees their own hub's groups; a programme admin every hub's, or one hub's when they pick it.
        String shown = viewer.isProgrammeAdmin() ? Forms.blankToNull(hub) : viewer.hub().orElse(null);
        Uni<Page<WorkGroup>> groups = catalogue.workGroups(shown, Forms.blankToNull(cursor), GROUPS_PER_PAGE);
        Uni<List<Hub>> hubs = viewer.isProgrammeAdmin() ? catalogue.hubs(Page.LARGEST).map(Page::items) : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(groups, hubs).asTuple()
                .map(both -> Response.status(errors.status())
                        .entity(Templates.list(both.getItem1(),
                                Rows.workGroups(both.getItem1().items(), shown, Csrf.FIELD, csrf.token()),
                                both.getItem2(), shown, changed, errors)).build());
    }

    @GET
    @Path("work-groups/{id}")
    public Uni<TemplateInstance> workGroup(@PathParam("id") UUID id, @QueryParam("decided") String asked) {
        // The banner names an application by its reference, and by nothing else a link's author could write in.
        String decided = asked != null && asked.matches("[A-Z0-9]{1,4}(-[A-Z0-9]{1,8}){1,3}") ? asked : null;
        return Uni.combine().all()
                .unis(catalogue.workGroup(id), AllPages.of(cursor -> applications.applications(id, cursor, Page.LARGEST))).asTuple()
                .map(both -> Templates.workGroup(both.getItem1(), Applications.of(both.getItem2()), decided));
    }
}
