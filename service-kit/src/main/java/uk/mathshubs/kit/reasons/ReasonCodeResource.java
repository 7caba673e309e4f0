package uk.mathshubs.kit.reasons;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * The reason codes a service keeps, for anyone: hub websites and the console offer them, the NCETM reads what its feeds'
 * codes mean. Each service answers for its own kinds ({@link ReasonCodes#KINDS}); the gateway routes each kind to its
 * service, and {@link ReasonCodesPathFilter} documents one path per kind.
 */
@Path("/api/v1/reason-codes/{kind}")
@Tag(name = "Reason codes", description = "Why a school left or a session did not happen, as codes that can be counted: "
        + "rejections, withdrawals and declined offers (applications), cancelled sessions (scheduling)")
@Produces(MediaType.APPLICATION_JSON)
public class ReasonCodeResource {

    private final ReasonCodes codes;

    public ReasonCodeResource(ReasonCodes codes) {
        this.codes = codes;
    }

    @GET
    @PermitAll
    @Operation(summary = "The reason codes of one kind in use now, in the order to offer them",
            description = "Send one as reasonCode beside the free-text reason; none sent is recorded as NOT_GIVEN. A retired "
                    + "code is no longer listed or taken, and still shows where it was recorded.")
    @APIResponse(responseCode = "200", description = "The kind's codes",
            content = @Content(schema = @Schema(implementation = ReasonCodeList.class)))
    public ReasonCodeList list(@PathParam("kind") String kind) {
        // A kind another service keeps is not found here either: the gateway sends each kind to its owner.
        return codes.list(kind).map(list -> new ReasonCodeList(kind, list))
                .orElseThrow(() -> ProblemException.notFound("Such a list of reason codes"));
    }

    @Schema(name = "ReasonCodeList", description = "One kind's reason codes")
    public record ReasonCodeList(@Schema(required = true, example = "withdrawal") String kind,
            @Schema(required = true) List<ReasonCodes.ReasonCode> codes) {
    }
}
