package uk.mathshubs.catalogue.rest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import uk.mathshubs.catalogue.api.PageView;
import uk.mathshubs.catalogue.api.StatusChange;
import uk.mathshubs.catalogue.api.WorkGroupRequest;
import uk.mathshubs.catalogue.api.WorkGroupView;
import uk.mathshubs.catalogue.domain.WorkGroup;
import uk.mathshubs.catalogue.mapping.CatalogueMapper;
import uk.mathshubs.catalogue.service.WorkGroupFilter;
import uk.mathshubs.catalogue.service.WorkGroupService;
import uk.mathshubs.kit.http.Conditional;
import uk.mathshubs.kit.input.InputRules;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/work-groups")
@Tag(name = "Work Groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkGroupResource {

    /** Hub websites may show a listing up to a minute old; places and windows change slower than that. */
    private static final Duration PUBLIC_MAX_AGE = Duration.ofSeconds(60);

    private final WorkGroupService workGroups;
    private final CatalogueMapper mapper;
    private final Conditional conditional;

    public WorkGroupResource(WorkGroupService workGroups, CatalogueMapper mapper, Conditional conditional) {
        this.workGroups = workGroups;
        this.mapper = mapper;
        this.conditional = conditional;
    }

    @GET
    @PermitAll
    @Operation(summary = "Published Work Groups, filtered and paged")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkGroupPage.class)))
    @APIResponse(responseCode = "304", description = Conditional.NOT_MODIFIED)
    public Response list(
            @Context Request request,
            @QueryParam("programme") String programme,
            @QueryParam("hub") String hub,
            @QueryParam("academicYear") String academicYear,
            @QueryParam("openNow") @Parameter(description = "Only groups taking applications now",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String openNow,
            @QueryParam("hasPlaces") @Parameter(description = "Only groups with places left",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String hasPlaces,
            @BeanParam WorkGroupPaging paging) {
        var filter = new WorkGroupFilter(Optional.ofNullable(programme), Optional.ofNullable(hub),
                Optional.ofNullable(academicYear), InputRules.booleanParameter("openNow", openNow),
                InputRules.booleanParameter("hasPlaces", hasPlaces));
        PanacheQuery<WorkGroup> query = workGroups.list(filter);
        Instant now = workGroups.now();
        Function<List<WorkGroup>, List<WorkGroupView>> views = groups -> groups.stream().map(w -> mapper.toView(w, now)).toList();
        if (paging.former()) {
            query.page(paging.page(), paging.size());
            return conditional.ok(request, new PageView<>(views.apply(query.list()), paging.page(), paging.size(), query.count(),
                    query.pageCount()), PUBLIC_MAX_AGE);
        }
        return conditional.ok(request, Page.fromOffset(query.range(paging.offset(), paging.offset() + paging.size()).list(), paging)
                .map(views), PUBLIC_MAX_AGE);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One Work Group")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkGroupView.class)))
    @APIResponse(responseCode = "304", description = Conditional.NOT_MODIFIED)
    public Response get(@Context Request request, @PathParam("id") UUID id) {
        return conditional.ok(request,
                workGroups.find(id).map(w -> mapper.toView(w, workGroups.now())).orElseThrow(NotFoundException::new),
                PUBLIC_MAX_AGE);
    }

    @POST
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Set up a Work Group (as a draft)")
    @APIResponse(responseCode = "201", description = "A new draft Work Group", content = @Content(schema = @Schema(implementation = WorkGroupView.class)),
            headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public RestResponse<WorkGroupView> create(@NotNull @Valid WorkGroupRequest request) {
        WorkGroup created = workGroups.create(request);
        return RestResponse.ResponseBuilder.<WorkGroupView>created(URI.create("/api/v1/work-groups/" + created.id))
                .entity(mapper.toView(created, workGroups.now())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Change a Work Group's capacity, lead, policy or dates")
    public WorkGroupView change(@PathParam("id") UUID id, @NotNull @Valid WorkGroupRequest request) {
        return workGroups.change(id, request).map(w -> mapper.toView(w, workGroups.now())).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Move a Work Group through its lifecycle: publish (OPEN), close, run, complete or cancel")
    public WorkGroupView changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChange change) {
        return workGroups.changeStatus(id, change.status()).map(w -> mapper.toView(w, workGroups.now()))
                .orElseThrow(NotFoundException::new);
    }

    /** The listing's shape, for the OpenAPI document (the body is written by {@link Conditional}). */
    static final class WorkGroupPage {
        public List<WorkGroupView> items;
        @Schema(description = "The page size used", example = "20")
        public int size;
        @Schema(description = "Pass as cursor= for the next page; null on the last page")
        public String next;
    }
}
