package uk.mathshubs.catalogue.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.catalogue.api.HubRequest;
import uk.mathshubs.catalogue.api.HubView;
import uk.mathshubs.catalogue.mapping.CatalogueMapper;
import uk.mathshubs.catalogue.service.HubService;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/hubs")
@Tag(name = "Maths Hubs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HubResource {

    private final HubService hubs;
    private final CatalogueMapper mapper;

    public HubResource(HubService hubs, CatalogueMapper mapper) {
        this.hubs = hubs;
        this.mapper = mapper;
    }

    @GET
    @PermitAll
    @Operation(summary = "All Maths Hubs")
    @ArrayInVersion1
    public Page<HubView> list(@BeanParam PageRequest paging) {
        return Page.of(hubs.list().stream().map(mapper::toView).toList(), paging);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One Maths Hub")
    public HubView get(@PathParam("code") String code) {
        return hubs.find(code).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Create or change a Maths Hub (NCETM only)")
    @APIResponse(responseCode = "201", description = "A new Maths Hub", content = @Content(schema = @Schema(implementation = HubView.class)))
    @APIResponse(responseCode = "200", description = "The hub's details changed", content = @Content(schema = @Schema(implementation = HubView.class)))
    public RestResponse<HubView> put(
            @PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be upper case letters, digits and underscores, like NORTH_MIDS") String code,
            @NotNull @Valid HubRequest request) {
        boolean created = hubs.put(code, request);
        HubView hub = hubs.find(code).map(mapper::toView).orElseThrow();
        return created ? RestResponse.status(RestResponse.Status.CREATED, hub) : RestResponse.ok(hub);
    }
}
