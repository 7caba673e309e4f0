package uk.mathshubs.catalogue.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/work-groups")
@Tag(name = "Work Groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkGroupResource {

    private final WorkGroupService workGroups;
    private final CatalogueMapper mapper;

    public WorkGroupResource(WorkGroupService workGroups, CatalogueMapper mapper) {
        this.workGroups = workGroups;
        this.mapper = mapper;
    }

    @GET
    @PermitAll
    @Operation(summary = "Published Work Groups, filtered and paged")
    public PageView<WorkGroupView> list(
            @QueryParam("programme") String programme,
            @QueryParam("hub") String hub,
            @QueryParam("academicYear") String academicYear,
            @QueryParam("openNow") @DefaultValue("false") boolean openNow,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var filter = new WorkGroupFilter(Optional.ofNullable(programme), Optional.ofNullable(hub),
                Optional.ofNullable(academicYear), openNow);
        PanacheQuery<WorkGroup> query = workGroups.list(filter, page, size);
        Instant now = workGroups.now();
        return new PageView<>(query.list().stream().map(w -> mapper.toView(w, now)).toList(), page, size,
                query.count(), query.pageCount());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One Work Group")
    public WorkGroupView get(@PathParam("id") UUID id) {
        return workGroups.find(id).map(w -> mapper.toView(w, workGroups.now())).orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed({Caller.PROGRAMME_ADMIN, Caller.HUB_ADMIN})
    @Operation(summary = "Set up a Work Group (as a draft)")
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
}
