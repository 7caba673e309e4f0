package uk.mathshubs.catalogue.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.catalogue.api.ProgrammeRequest;
import uk.mathshubs.catalogue.api.ProgrammeView;
import uk.mathshubs.catalogue.mapping.CatalogueMapper;
import uk.mathshubs.catalogue.service.ProgrammeService;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/programmes")
@Tag(name = "Programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final CatalogueMapper mapper;

    public ProgrammeResource(ProgrammeService programmes, CatalogueMapper mapper) {
        this.programmes = programmes;
        this.mapper = mapper;
    }

    @GET
    @PermitAll
    @Operation(summary = "All programmes, with their expectations and benefits")
    public List<ProgrammeView> list() {
        return programmes.list().stream().map(mapper::toView).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One programme")
    public ProgrammeView get(@PathParam("code") String code) {
        return programmes.find(code).map(mapper::toView).orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Add a programme (NCETM only)")
    public RestResponse<ProgrammeView> add(@NotNull @Valid ProgrammeRequest request) {
        ProgrammeView created = mapper.toView(programmes.add(request));
        return RestResponse.ResponseBuilder.<ProgrammeView>created(URI.create("/api/v1/programmes/" + created.code()))
                .entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Change a programme (NCETM only)")
    public ProgrammeView change(@PathParam("code") String code, @NotNull @Valid ProgrammeRequest request) {
        return programmes.change(code, request).map(mapper::toView).orElseThrow(NotFoundException::new);
    }
}
