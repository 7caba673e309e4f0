package uk.mathshubs.console.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The reason codes a form offers (a rejection's, a cancellation's), from whichever service keeps each kind. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(SignedInPersonsToken.class)
@RegisterProvider(ProblemReader.class)
@Path("/api/v1/reason-codes")
public interface ReasonCodesApi {

    String REJECTION = "rejection";
    String SESSION_CANCELLATION = "session-cancellation";

    @GET
    @Path("/{kind}")
    Uni<ReasonCodeList> codes(@PathParam("kind") String kind);

    /** One kind's codes in use, in the order to offer them (no reason first). */
    record ReasonCodeList(String kind, List<ReasonCode> codes) {

        /** What a recorded code means; null for one this list does not hold (another kind's, or retired). */
        public String labelOf(String code) {
            return codes == null || code == null ? null
                    : codes.stream().filter(c -> code.equals(c.code())).map(ReasonCode::label).findFirst().orElse(null);
        }
    }

    record ReasonCode(String code, String label) {
    }
}
