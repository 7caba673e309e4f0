package uk.mathshubs.applications.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.applications.api.ApplicationRequest;
import uk.mathshubs.applications.api.ApplicationView;
import uk.mathshubs.applications.api.SubmittedApplication;
import uk.mathshubs.applications.mapping.ApplicationMapper;
import uk.mathshubs.applications.service.ApplicationService;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1")
@Tag(name = "Applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService applications;
    private final ApplicationMapper mapper;

    public ApplicationResource(ApplicationService applications, ApplicationMapper mapper) {
        this.applications = applications;
        this.mapper = mapper;
    }

    @POST
    @Path("/work-groups/{id}/applications")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Apply for a place (hub websites, for their own hub's Work Groups)",
            description = "Answers 201 with the reference and a one-time secret; resubmitting for the same school answers 200 with the existing application.")
    public RestResponse<SubmittedApplication> submit(@PathParam("id") UUID workGroupId, @NotNull @Valid ApplicationRequest request) {
        ApplicationService.Submission submission = applications.submit(workGroupId, request);
        ApplicationView view = mapper.toView(submission.application());
        SubmittedApplication body = new SubmittedApplication(view.reference(), submission.secret().orElse(null), view);
        if (submission.secret().isEmpty()) {
            return RestResponse.ok(body);
        }
        return RestResponse.ResponseBuilder.<SubmittedApplication>created(URI.create("/api/v1/applications/" + view.reference()))
                .entity(body).build();
    }

    @GET
    @Path("/work-groups/{id}/applications")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "A Work Group's applications, in the order they arrived")
    public List<ApplicationView> list(@PathParam("id") UUID workGroupId) {
        return applications.forWorkGroup(workGroupId).orElseThrow(NotFoundException::new)
                .stream().map(mapper::toView).toList();
    }

    @GET
    @Path("/applications/{reference}")
    @PermitAll
    @Operation(summary = "One application: for its school (with the X-Application-Secret header), its hub or the NCETM")
    public ApplicationView get(@PathParam("reference") String reference, @HeaderParam("X-Application-Secret") String secret) {
        return applications.find(reference, Optional.ofNullable(secret)).map(mapper::toView).orElseThrow(NotFoundException::new);
    }
}
