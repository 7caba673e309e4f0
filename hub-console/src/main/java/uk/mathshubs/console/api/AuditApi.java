package uk.mathshubs.console.api;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Each service's audit trail, for programme admins. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(SignedInPersonsToken.class)
@RegisterProvider(ProblemReader.class)
@Path("/api/v1/audit")
public interface AuditApi {

    @GET
    @Path("/{service}")
    Uni<Page<Entry>> trail(@PathParam("service") String service, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("cursor") String cursor, @QueryParam("size") Integer size);

    record Entry(long id, Instant occurredAt, String actor, String action, String subject, JsonNode detail) {
    }
}
