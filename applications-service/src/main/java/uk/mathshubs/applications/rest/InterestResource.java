package uk.mathshubs.applications.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.applications.api.InterestRequest;
import uk.mathshubs.applications.api.InterestView;
import uk.mathshubs.applications.domain.ExpressionOfInterest;
import uk.mathshubs.applications.service.InterestService;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1/work-groups/{id}/interest")
@Tag(name = "Applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InterestResource {

    private final InterestService interest;

    public InterestResource(InterestService interest) {
        this.interest = interest;
    }

    @POST
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Express an interest for next year, while the Work Group is closed (409 while it takes applications)")
    public InterestView register(@PathParam("id") UUID workGroupId, @NotNull @Valid InterestRequest request) {
        return view(interest.register(workGroupId, request));
    }

    @GET
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "The schools that expressed an interest, for the hub to contact when next year's Work Group opens")
    @ArrayInVersion1
    public Page<InterestView> list(@PathParam("id") UUID workGroupId, @BeanParam PageRequest paging) {
        return Page.of(interest.forWorkGroup(workGroupId).stream().map(InterestResource::view).toList(), paging);
    }

    private static InterestView view(ExpressionOfInterest e) {
        return new InterestView(e.workGroupId, e.urn, e.schoolName, e.contactName, e.contactEmail, e.registeredAt);
    }
}
