package uk.mathshubs.scheduling.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.scheduling.service.CalendarService;

/** iCalendar feeds to subscribe to in Outlook, Google or Apple calendars. */
@Path("/api/v1")
@Tag(name = "Calendars")
@PermitAll
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar;charset=utf-8";

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("/work-groups/{id}/calendar.ics")
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "A Work Group's sessions, local and central, as an iCalendar feed")
    public RestResponse<String> workGroup(@PathParam("id") UUID workGroupId) {
        return feed(calendars.forWorkGroup(workGroupId).orElseThrow(NotFoundException::new), "public");
    }

    @GET
    @Path("/calendars/{token}.ics")
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "One person's sessions, behind their private link (shown to their hub with the participants)")
    public RestResponse<String> participant(@PathParam("token") String token) {
        return feed(calendars.forParticipant(token).orElseThrow(NotFoundException::new), "private");
    }

    /** Calendar clients poll; a few minutes of caching spares the service without hiding a change for long. */
    private static RestResponse<String> feed(String calendar, String visibility) {
        return RestResponse.ResponseBuilder.ok(calendar, TEXT_CALENDAR)
                .header("Cache-Control", visibility + ", max-age=300").build();
    }
}
