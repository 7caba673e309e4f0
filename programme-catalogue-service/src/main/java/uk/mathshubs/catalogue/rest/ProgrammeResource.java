package uk.mathshubs.catalogue.rest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.catalogue.api.ProgrammeRequest;
import uk.mathshubs.catalogue.api.ProgrammeView;
import uk.mathshubs.catalogue.mapping.CatalogueMapper;
import uk.mathshubs.catalogue.service.ProgrammeService;
import uk.mathshubs.kit.http.Conditional;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/programmes")
@Tag(name = "Programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    /** The catalogue changes a few times a year; five minutes of caching costs nobody anything. */
    private static final Duration PUBLIC_MAX_AGE = Duration.ofMinutes(5);

    private final ProgrammeService programmes;
    private final CatalogueMapper mapper;
    private final Conditional conditional;

    public ProgrammeResource(ProgrammeService programmes, CatalogueMapper mapper, Conditional conditional) {
        this.programmes = programmes;
        this.mapper = mapper;
        this.conditional = conditional;
    }

    @GET
    @PermitAll
    @Operation(summary = "All programmes, with their expectations and benefits")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgrammePage.class)))
    @APIResponse(responseCode = "304", description = Conditional.NOT_MODIFIED)
    @ArrayInVersion1
    public Response list(@Context Request request, @BeanParam PageRequest paging) {
        List<ProgrammeView> views = programmes.list().stream().map(mapper::toView).toList();
        // The shape is chosen before the ETag is made (over the bytes sent): version 1's array, else a page.
        return conditional.ok(request, paging.former() ? views : Page.of(views, paging), PUBLIC_MAX_AGE);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One programme")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "304", description = Conditional.NOT_MODIFIED)
    public Response get(@Context Request request, @PathParam("code") String code) {
        return conditional.ok(request, programmes.find(code).map(mapper::toView).orElseThrow(NotFoundException::new),
                PUBLIC_MAX_AGE);
    }

    @POST
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Add a programme (NCETM only)")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ProgrammeView.class)),
            headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
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

    /** The listing's shape, for the OpenAPI document (the body is written by {@link Conditional}). */
    static final class ProgrammePage {
        public List<ProgrammeView> items;
        @Schema(description = "The page size used", example = "100")
        public int size;
        @Schema(description = "Pass as cursor= for the next page; null on the last page")
        public String next;
    }
}
