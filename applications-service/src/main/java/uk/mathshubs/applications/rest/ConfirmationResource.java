package uk.mathshubs.applications.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.applications.api.ConfirmationView;
import uk.mathshubs.applications.mapping.ApplicationMapper;
import uk.mathshubs.applications.service.Confirmations;

/** The links in the confirmation emails: the token is the credential, so these need no sign-in. */
@Path("/api/v1/confirmations/{token}")
@Tag(name = "Applications")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ConfirmationResource {

    private final Confirmations confirmations;
    private final ApplicationMapper mapper;

    public ConfirmationResource(Confirmations confirmations, ApplicationMapper mapper) {
        this.confirmations = confirmations;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "Whose confirmation this link asks for, and whether it has been given")
    public ConfirmationView get(@PathParam("token") String token) {
        return mapper.toView(confirmations.byToken(token));
    }

    @POST
    @Operation(summary = "Confirm the programme's expectations (the person's electronic signature); the link works once")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "410", description = "The link was used already: the person has confirmed")
    public ConfirmationView confirm(@PathParam("token") String token) {
        return mapper.toView(confirmations.confirm(token));
    }
}
