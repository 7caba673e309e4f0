package uk.mathshubs.webhooks.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PagedInVersion1;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.webhooks.api.CreatedSubscription;
import uk.mathshubs.webhooks.api.DeliveryView;
import uk.mathshubs.webhooks.api.EventTypeView;
import uk.mathshubs.webhooks.api.RotatedSecret;
import uk.mathshubs.webhooks.api.SubscriptionRequest;
import uk.mathshubs.webhooks.api.SubscriptionView;
import uk.mathshubs.webhooks.domain.DeliveryStatus;
import uk.mathshubs.webhooks.domain.Subscription;
import uk.mathshubs.webhooks.domain.WebhookEventType;
import uk.mathshubs.webhooks.service.Subscriptions;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Be told what happened as it happens, instead of polling: messages signed as Standard Webhooks "
        + "(webhook-id, webhook-timestamp, webhook-signature: v1, HMAC-SHA256 of id.timestamp.body with the subscription's "
        + "secret), retried with exponential backoff for up to 3 days, in order per subject. A hub website is told about its "
        + "own hub only; the NCETM about every hub.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {


    private final Subscriptions subscriptions;
    private final Caller caller;
    private final JsonWebToken token;

    public WebhookResource(Subscriptions subscriptions, Caller caller, JsonWebToken token) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Path("/event-types")
    @PermitAll
    @Operation(summary = "The types of message a subscription can ask for")
    public List<EventTypeView> eventTypes() {
        return Arrays.stream(WebhookEventType.values()).map(t -> new EventTypeView(t.type(), t.description())).toList();
    }

    @POST
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Subscribe an address to some types of message (hub websites: their own hub's; the NCETM: every hub's)",
            description = "Answers 201 with the subscription and its signing secret, shown only this once. The address must be "
                    + "https on the public internet.")
    @APIResponse(responseCode = "201", description = "Subscribed: the subscription and its secret",
            content = @Content(schema = @Schema(implementation = CreatedSubscription.class)),
            headers = @Header(name = "Location", description = "The new resource, at the gateway's address", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public RestResponse<CreatedSubscription> subscribe(@NotNull @Valid SubscriptionRequest request) {
        Subscriptions.Created created = subscriptions.subscribe(owner(), request);
        return RestResponse.ResponseBuilder.<CreatedSubscription>created(URI.create("/api/v1/webhooks/" + created.subscription().id))
                .entity(new CreatedSubscription(view(created.subscription()), created.secret())).build();
    }

    @GET
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "The calling client's subscriptions, oldest first")
    public Page<SubscriptionView> list(@BeanParam PagedInVersion1 paging) {
        return subscriptions.list(owner(), paging).map(rows -> rows.stream().map(WebhookResource::view).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "One of the calling client's subscriptions")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return view(subscriptions.get(owner(), id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Unsubscribe: nothing more is sent, what was pending included")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public RestResponse<Void> unsubscribe(@PathParam("id") UUID id) {
        subscriptions.unsubscribe(owner(), id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Rotate the signing secret",
            description = "Answers the new secret, shown only this once. Until previousSecretValidUntil every message carries two "
                    + "signatures, one with each secret, so the receiver can change over without losing a message.")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(schema = @Schema(implementation = RotatedSecret.class)))
    public RotatedSecret rotate(@PathParam("id") UUID id) {
        Subscription subscription = subscriptions.rotate(owner(), id);
        return new RotatedSecret(subscription.secret, subscription.previousSecretUntil);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "The subscription's delivery log, newest first: each message's status, attempts and last answer")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this status: PENDING, DELIVERED, FAILED or SUPERSEDED")
            @QueryParam("status") String status,
            @BeanParam PagedInVersion1 paging) {
        return subscriptions.deliveries(owner(), id, Optional.ofNullable(status).map(WebhookResource::status), paging)
                .map(rows -> rows.stream().map(d -> new DeliveryView(d.id(), d.messageId().toString(), d.eventType(), d.status(),
                        d.attempts(), d.lastStatusCode(), d.lastError(), d.lastAttemptAt(),
                        d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(), d.createdAt())).toList());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redelivery")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Caller.HUB_WEBSITE, Caller.NCETM_INTEGRATION})
    @Operation(summary = "Send a delivery again now, with the same webhook-id (one that failed, or one the receiver lost)")
    @APIResponse(responseCode = "202", description = "Due now; the log shows how it goes")
    public RestResponse<Void> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        subscriptions.redeliver(owner(), id, deliveryId);
        return RestResponse.accepted();
    }

    private Subscriptions.Owner owner() {
        // Subscriptions are the client's (azp): a token that names none would share them with every other such token.
        String client = token.<String>getClaim("azp");
        if (client == null || client.isBlank()) {
            throw ProblemException.forbidden("The token names no client (azp)");
        }
        if (caller.hasRole(Caller.NCETM_INTEGRATION)) {
            return new Subscriptions.Owner(client, null);
        }
        // A hub website is told about its own hub only; a token that names no hub is told about nothing.
        String hub = caller.hub().orElseThrow(() -> ProblemException.forbidden("The token names no Maths Hub"));
        return new Subscriptions.Owner(client, hub);
    }

    private static DeliveryStatus status(String status) {
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be PENDING, DELIVERED, FAILED or SUPERSEDED");
        }
    }

    static SubscriptionView view(Subscription s) {
        return new SubscriptionView(s.id, s.url, s.types(), s.description, s.hubCode, s.status, s.disabledReason,
                s.previousSecretUntil, s.createdAt);
    }
}
