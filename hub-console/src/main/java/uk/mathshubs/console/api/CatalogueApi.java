package uk.mathshubs.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The programme catalogue's part of the public API: programmes, Maths Hubs and Work Groups. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(SignedInPersonsToken.class)
@RegisterProvider(ProblemReader.class)
@Path("/api/v1")
public interface CatalogueApi {

    @GET
    @Path("/work-groups")
    Uni<Page<WorkGroup>> workGroups(@QueryParam("hub") String hub, @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size);

    @GET
    @Path("/work-groups/{id}")
    Uni<WorkGroup> workGroup(@PathParam("id") UUID id);

    @PUT
    @Path("/work-groups/{id}/status")
    Uni<WorkGroup> changeStatus(@PathParam("id") UUID id, StatusChange change);

    @GET
    @Path("/programmes")
    Uni<Page<Programme>> programmes(@QueryParam("size") Integer size);

    @GET
    @Path("/hubs")
    Uni<Page<Hub>> hubs(@QueryParam("size") Integer size);

    record WorkGroup(UUID id, Named programme, Named hub, String academicYear, Integer capacity, Integer placesLeft,
            String lead, String allocationPolicy, String status, Window applicationWindow, Boolean openForApplications) {

        /** The status changes a hub makes, from this status: publish, close, run, complete (cancel is the API's too). */
        public List<Transition> transitions() {
            return switch (status == null ? "" : status) {
                case "DRAFT" -> List.of(new Transition("OPEN", "Publish"));
                case "OPEN" -> List.of(new Transition("CLOSED", "Close applications"));
                case "CLOSED" -> List.of(new Transition("RUNNING", "Start running"));
                case "RUNNING" -> List.of(new Transition("COMPLETED", "Complete"));
                default -> List.of();
            };
        }
    }

    record Transition(String status, String label) {
    }

    /** A programme or hub as a Work Group names it: code and title (programme) or code and name (hub). */
    record Named(String code, String title, String name) {

        public String label() {
            return title != null ? title : name != null ? name : code;
        }
    }

    record Window(Instant opensAt, Instant closesAt, LocalDate confirmationDate) {
    }

    record StatusChange(String status) {
    }

    record Programme(String code, String title, String summary, List<String> yearGroups, List<String> requiredRoles,
            String cost, String funding, Integer centralSessions, String eligibilityRuleSet) {
    }

    record Hub(String code, String name, String contactEmail, String region) {
    }
}
