package uk.mathshubs.applications.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.applications.api.ErasureRequest;
import uk.mathshubs.applications.api.ErasureView;
import uk.mathshubs.applications.domain.Erasure;
import uk.mathshubs.applications.service.Erasures;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/erasures")
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final Erasures erasures;

    public ErasureResource(Erasures erasures) {
        this.erasures = erasures;
    }

    @POST
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Erase a teacher at their request, by email address or TRN, in every service",
            description = "Overwritten here at once; the scheduling service follows within seconds from the event each "
                    + "application announces. Applications, attendance and completions stay, as anonymous counts.")
    @APIResponse(responseCode = "202", description = "Accepted: the erasure runs in every service; follow Location for its progress",
            content = @Content(schema = @Schema(implementation = ErasureView.class)), headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response erase(@NotNull @Valid ErasureRequest request) {
        Erasure erasure = erasures.erase(request);
        return Response.accepted(view(erasure)).location(URI.create("/api/v1/erasures/" + erasure.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "What an erasure did: when, by whom, how many records (never whom it was about)")
    public ErasureView find(@PathParam("id") UUID id) {
        return erasures.find(id).map(ErasureResource::view).orElseThrow(NotFoundException::new);
    }

    private static ErasureView view(Erasure e) {
        return new ErasureView(e.id, e.requestedBy, e.erasedAt, e.records, e.applications);
    }
}
