package uk.mathshubs.applications.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.applications.api.ApplicationRequest;
import uk.mathshubs.applications.api.ApplicationView;
import uk.mathshubs.applications.api.DecisionRequest;
import uk.mathshubs.applications.api.OfferDeclineRequest;
import uk.mathshubs.applications.api.SubmittedApplication;
import uk.mathshubs.applications.api.WithdrawalRequest;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.mapping.ApplicationMapper;
import uk.mathshubs.applications.service.ApplicationAccess;
import uk.mathshubs.applications.service.ApplicationService;
import uk.mathshubs.applications.service.Decisions;
import uk.mathshubs.kit.input.Superseded;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1")
@Tag(name = "Applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    /** The school's one-time secret, from the 201 that received its application. */
    private static final String SECRET = "Application-Secret";
    /** Its former name (RFC 6648: no X- prefix), still taken until the sunset; answers to it say so. */
    private static final String FORMER_SECRET = "X-Application-Secret";

    private final ApplicationService applications;
    private final Decisions decisions;
    private final ApplicationAccess access;
    private final ApplicationMapper mapper;

    public ApplicationResource(ApplicationService applications, Decisions decisions, ApplicationAccess access,
            ApplicationMapper mapper) {
        this.applications = applications;
        this.decisions = decisions;
        this.access = access;
        this.mapper = mapper;
    }

    @POST
    @Path("/work-groups/{id}/applications")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "Apply for a place (hub websites, for their own hub's Work Groups)",
            description = "Answers 201 with the reference, a one-time secret and the status SUBMITTED (received); resubmitting for "
                    + "the same school, or submitting twice at once, answers 200 with the school's one application. The eligibility "
                    + "rules are applied at once (INELIGIBLE or NEEDS_REVIEW show straight away); the place is given just after, in "
                    + "the order applications arrived, and the school hears the decision on the Work Group's confirmation date. The "
                    + "\"application received\" mail and each named person's confirmation link are emailed just after too (within "
                    + "seconds; after the rush when many schools apply at once), never written after the decision mail.")
    @APIResponse(responseCode = "201", description = "Received: the reference, the one-time secret and the application",
            content = @Content(schema = @Schema(implementation = SubmittedApplication.class)), headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "200", description = "The school had applied already: its one application, without a secret",
            content = @Content(schema = @Schema(implementation = SubmittedApplication.class)))
    public RestResponse<SubmittedApplication> submit(@PathParam("id") UUID workGroupId, @NotNull @Valid ApplicationRequest request) {
        ApplicationService.Submission submission = applications.submit(workGroupId, request);
        ApplicationView view = submission.created()
                ? mapper.toView(submission.application(), access.seesDecisionsEarly(), submission.confirmations(), submission.decisionDate())
                : view(submission.application());
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
    @Operation(summary = "A Work Group's applications, in the order they arrived (the order places are given in)")
    @ArrayInVersion1
    public Page<ApplicationView> list(@PathParam("id") UUID workGroupId, @BeanParam PageRequest paging) {
        return applications.forWorkGroup(workGroupId, paging).orElseThrow(NotFoundException::new)
                .map(page -> mapper.toViews(page, access.seesDecisionsEarly()));
    }

    @GET
    @Path("/applications/{reference}")
    @PermitAll
    @Operation(summary = "One application: for its school (with the Application-Secret header), its hub or the NCETM")
    public ApplicationView get(@PathParam("reference") String reference, @HeaderParam(SECRET) String secret,
            @Parameter(hidden = true) @Superseded(by = SECRET, since = "2026-12-03", sunset = "2027-06-30") @HeaderParam(FORMER_SECRET) String formerSecret) {
        return access.visible(reference, secret(secret, formerSecret)).map(this::view).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/applications/{reference}/decision")
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
    @Operation(summary = "The hub accepts or rejects an application (its own hub's only), with a reason",
            description = "ACCEPT gives a free place (409 when none is left): after review, over an ineligible outcome, or ahead of "
                    + "the waiting list (the last two need a reason). REJECT needs a reason, and takes a reasonCode from GET "
                    + "/api/v1/reason-codes/rejection beside it (NOT_GIVEN if none); a place the school held is offered to the next "
                    + "school waiting.")
    public ApplicationView decide(@PathParam("reference") String reference, @NotNull @Valid DecisionRequest request) {
        if (request.decision() == DecisionRequest.Decision.ACCEPT && request.reasonCode() != null) {
            // Codes count why schools left; refused rather than dropped, so a caller never believes one was kept.
            throw ProblemException.invalidField("reasonCode", "is for REJECT only: an acceptance's reason is its free text");
        }
        Application decided = switch (request.decision()) {
            case ACCEPT -> decisions.accept(reference, request.reason());
            case REJECT -> decisions.reject(reference, request.reasonCode(), request.reason());
        };
        return mapper.toView(decided);
    }

    @POST
    @Path("/applications/{reference}/withdrawal")
    @Consumes(MediaType.WILDCARD) // the body is optional, and so is its content type
    @PermitAll
    @Operation(summary = "The school (with its secret) or its hub withdraws the application; a place held goes to the next school",
            description = "The body is optional: a free-text reason and a reasonCode from GET /api/v1/reason-codes/withdrawal "
                    + "(NOT_GIVEN if none).")
    public ApplicationView withdraw(@PathParam("reference") String reference, @HeaderParam(SECRET) String secret,
            @Parameter(hidden = true) @Superseded(by = SECRET, since = "2026-12-03", sunset = "2027-06-30") @HeaderParam(FORMER_SECRET) String formerSecret,
            @RequestBody(required = false) @Valid WithdrawalRequest request) {
        return view(decisions.withdraw(reference, secret(secret, formerSecret), request == null ? null : request.reasonCode(),
                request == null ? null : request.reason()));
    }

    @POST
    @Path("/applications/{reference}/offer/acceptance")
    @Consumes(MediaType.WILDCARD) // the body is optional, and so is its content type
    @PermitAll
    @Operation(summary = "The school takes up a place offered from the waiting list, before the hold ends")
    public ApplicationView acceptOffer(@PathParam("reference") String reference, @HeaderParam(SECRET) String secret,
            @Parameter(hidden = true) @Superseded(by = SECRET, since = "2026-12-03", sunset = "2027-06-30") @HeaderParam(FORMER_SECRET) String formerSecret) {
        return view(decisions.acceptOffer(reference, secret(secret, formerSecret)));
    }

    @POST
    @Path("/applications/{reference}/offer/decline")
    @PermitAll
    @Operation(summary = "The school declines a place offered from the waiting list; it goes to the next school",
            description = "The body is optional: a free-text reason and a reasonCode from GET /api/v1/reason-codes/offer-decline "
                    + "(NOT_GIVEN if none). A request with no body, or one that is not JSON, declines without a reason, as "
                    + "before reason codes.")
    public ApplicationView declineOffer(@PathParam("reference") String reference, @HeaderParam(SECRET) String secret,
            @Parameter(hidden = true) @Superseded(by = SECRET, since = "2026-12-03", sunset = "2027-06-30") @HeaderParam(FORMER_SECRET) String formerSecret,
            @RequestBody(required = false) @Valid OfferDeclineRequest request) {
        return view(decisions.declineOffer(reference, secret(secret, formerSecret), request == null ? null : request.reasonCode(),
                request == null ? null : request.reason()));
    }

    /**
     * The decline as it was before it took a body: any content type but JSON (or none), whatever it carries, is a decline
     * without a reason, so that a website whose client labels an empty POST (as a form, say) is not now refused a 415.
     */
    @POST
    @Path("/applications/{reference}/offer/decline")
    @Consumes(MediaType.WILDCARD)
    @PermitAll
    @Operation(hidden = true)
    public ApplicationView declineOfferWithoutBody(@PathParam("reference") String reference, @HeaderParam(SECRET) String secret,
            @Parameter(hidden = true) @Superseded(by = SECRET, since = "2026-12-03", sunset = "2027-06-30") @HeaderParam(FORMER_SECRET) String formerSecret) {
        return declineOffer(reference, secret, formerSecret, null);
    }

    private static Optional<String> secret(String secret, String formerSecret) {
        return Optional.ofNullable(secret != null ? secret : formerSecret);
    }

    private ApplicationView view(Application application) {
        return access.seesDecisionsEarly() ? mapper.toView(application) : mapper.toSchoolView(application);
    }
}
