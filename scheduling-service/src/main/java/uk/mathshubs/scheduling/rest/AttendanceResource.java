package uk.mathshubs.scheduling.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.AttendanceChangeView;
import uk.mathshubs.scheduling.api.AttendanceRequest;
import uk.mathshubs.scheduling.api.AttendanceView;
import uk.mathshubs.scheduling.service.AttendanceService;

@Path("/api/v1/sessions/{id}/attendance")
@Tag(name = "Attendance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN})
public class AttendanceResource {

    private final AttendanceService attendance;

    public AttendanceResource(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GET
    @Operation(summary = "The register: the people expected at a session (a hub sees its own schools') and what was recorded")
    @ArrayInVersion1
    public Page<AttendanceView> register(@PathParam("id") UUID sessionId, @BeanParam PageRequest paging) {
        return Page.of(attendance.register(sessionId).orElseThrow(NotFoundException::new), paging);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record attended / absent / apologies, in bulk, once the session has started",
            description = "All or nothing. A different answer for someone already recorded is a correction: the earlier one stays in the history.")
    public List<AttendanceView> record(@PathParam("id") UUID sessionId, @NotNull @Valid AttendanceRequest request) {
        return attendance.record(sessionId, request).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every answer recorded at a session, corrections included, oldest first")
    @ArrayInVersion1
    public Page<AttendanceChangeView> history(@PathParam("id") UUID sessionId, @BeanParam PageRequest paging) {
        return Page.of(attendance.history(sessionId).orElseThrow(NotFoundException::new), paging);
    }
}
