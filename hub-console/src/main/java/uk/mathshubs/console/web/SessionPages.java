package uk.mathshubs.console.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.AllPages;
import uk.mathshubs.console.api.ApiProblem;
import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.CatalogueApi.WorkGroup;
import uk.mathshubs.console.api.Page;
import uk.mathshubs.console.api.ReasonCodesApi;
import uk.mathshubs.console.api.ReasonCodesApi.ReasonCodeList;
import uk.mathshubs.console.api.SchedulingApi;
import uk.mathshubs.console.api.SchedulingApi.Session;
import uk.mathshubs.console.api.SchedulingApi.SessionPlan;

/** A Work Group's sessions, local and central, with the session plan's gaps; scheduling, moving and cancelling. */
@Path("/")
@Authenticated
public class SessionPages {

    private final SchedulingApi scheduling;
    private final CatalogueApi catalogue;
    private final ReasonCodesApi reasonCodes;

    public SessionPages(@RestClient SchedulingApi scheduling, @RestClient CatalogueApi catalogue,
            @RestClient ReasonCodesApi reasonCodes) {
        this.scheduling = scheduling;
        this.catalogue = catalogue;
        this.reasonCodes = reasonCodes;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sessions(WorkGroup workGroup, List<Session> sessions, SessionPlan plan,
                String done);

        static native TemplateInstance newSession(WorkGroup workGroup, SessionForm form, Errors errors);

        static native TemplateInstance session(Session session, WorkGroup workGroup, ReasonCodeList codes,
                SessionForm move, String reason, String cancelReasonCode, Errors errors, String done);
    }

    /** What the schedule and move forms send: a date in three fields and two times of day, in UK time. */
    public static class SessionForm {
        @RestForm public String title;
        @RestForm public String audience;
        @RestForm public String deliveryMode;
        @RestForm public String day;
        @RestForm public String month;
        @RestForm public String year;
        @RestForm public String startTime;
        @RestForm public String endTime;
        @RestForm public String location;
        @RestForm public String joinLink;

        /** The API's audiences and delivery modes, in the order the form offers them. */
        public List<String> audiences() {
            return List.of("LEAD_TEACHERS", "HEADTEACHERS", "MATHS_LEADS", "EVERYONE");
        }

        public List<String> modes() {
            return List.of("FACE_TO_FACE", "LIVE_ONLINE", "ONLINE_WORKSHOP", "TWILIGHT");
        }

        static SessionForm empty() {
            return new SessionForm();
        }

        /** The start and end as the API takes them, or the field error that says why they cannot be read. */
        Times times() {
            Optional<LocalDate> date = UkTimes.date(day, month, year);
            if (date.isEmpty()) {
                return Times.error(Errors.field("startsAt", "Enter a real date, for example 27 3 2027"));
            }
            Optional<LocalTime> start = UkTimes.time(startTime);
            if (start.isEmpty()) {
                return Times.error(Errors.field("startsAt", "Enter a start time, for example 9:30am or 15:45"));
            }
            Optional<LocalTime> end = UkTimes.time(endTime);
            if (end.isEmpty()) {
                return Times.error(Errors.field("endsAt", "Enter an end time, for example 11am or 16:30"));
            }
            return new Times(UkTimes.iso(date.get(), start.get()), UkTimes.iso(date.get(), end.get()), null);
        }
    }

    record Times(String startsAt, String endsAt, Errors errors) {
        static Times error(Errors errors) {
            return new Times(null, null, errors);
        }
    }

    /** What a banner may say was done: nothing a link's author writes in. */
    private static final java.util.Set<String> OUTCOMES = java.util.Set.of("scheduled", "moved", "cancelled");

    private static String outcome(String asked) {
        return asked != null && OUTCOMES.contains(asked) ? asked : null;
    }

    @GET
    @Path("work-groups/{id}/sessions")
    public Uni<TemplateInstance> sessions(@PathParam("id") UUID workGroupId, @QueryParam("done") String asked) {
        String done = outcome(asked);
        return Uni.combine().all()
                .unis(catalogue.workGroup(workGroupId), AllPages.of(cursor -> scheduling.sessions(workGroupId, cursor, Page.LARGEST)),
                        planOf(workGroupId))
                .asTuple()
                .map(all -> Templates.sessions(all.getItem1(), all.getItem2().stream()
                        .sorted(Comparator.comparing(Session::startsAt, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(), all.getItem3(), done));
    }

    /** A year whose programme schedule the NCETM has not set has no plan (the API's 404): the page shows none. */
    private Uni<SessionPlan> planOf(UUID workGroupId) {
        return scheduling.sessionPlan(workGroupId).onFailure(ApiProblem.class)
                .recoverWithUni(refusal -> ((ApiProblem) refusal).status() == 404 ? Uni.createFrom().nullItem()
                        : Uni.createFrom().failure(refusal));
    }

    @GET
    @Path("work-groups/{id}/sessions/new")
    public Uni<TemplateInstance> newSession(@PathParam("id") UUID workGroupId) {
        return catalogue.workGroup(workGroupId).map(group -> Templates.newSession(group, SessionForm.empty(), Errors.none()));
    }

    @POST
    @Path("work-groups/{id}/sessions")
    public Uni<Response> schedule(@PathParam("id") UUID workGroupId, @BeanParam SessionForm form) {
        Times times = form.times();
        if (times.errors() != null) {
            return newSessionAgain(workGroupId, form, times.errors());
        }
        SchedulingApi.SessionRequest request = new SchedulingApi.SessionRequest(form.title, form.audience,
                form.deliveryMode, times.startsAt(), times.endsAt(), Forms.blankToNull(form.location),
                Forms.blankToNull(form.joinLink));
        return Errors.orFormAgain(scheduling.schedule(workGroupId, request)
                .map(session -> Response.seeOther(URI.create("/work-groups/" + workGroupId + "/sessions?done=scheduled"))
                        .build()),
                errors -> newSessionAgain(workGroupId, form, errors));
    }

    private Uni<Response> newSessionAgain(UUID workGroupId, SessionForm form, Errors errors) {
        return catalogue.workGroup(workGroupId)
                .map(group -> Response.status(errors.status()).entity(Templates.newSession(group, form, errors)).build());
    }

    @GET
    @Path("sessions/{id}")
    public Uni<Response> session(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return sessionPage(id, SessionForm.empty(), null, null, Errors.none(), outcome(done));
    }

    @POST
    @Path("sessions/{id}/move")
    public Uni<Response> move(@PathParam("id") UUID id, @BeanParam SessionForm form, @RestForm String reason) {
        Times times = form.times();
        if (times.errors() != null) {
            return sessionPage(id, form, reason, null, times.errors(), null);
        }
        return Errors.orFormAgain(scheduling.move(id, new SchedulingApi.Move(times.startsAt(), times.endsAt(), reason))
                .map(moved -> Response.seeOther(URI.create("/sessions/" + id + "?done=moved")).build()),
                errors -> sessionPage(id, form, reason, null, errors, null));
    }

    @POST
    @Path("sessions/{id}/cancel")
    public Uni<Response> cancel(@PathParam("id") UUID id, @RestForm("cancelReason") String reason,
            @RestForm("cancelReasonCode") String reasonCode) {
        // The cancel form's fields are its own on a page with two forms: the API's "reason" and "reasonCode" are these.
        return Errors.orFormAgain(scheduling.cancel(id, new SchedulingApi.Cancellation(reason, Forms.blankToNull(reasonCode)))
                .map(cancelled -> Response.seeOther(URI.create("/sessions/" + id + "?done=cancelled")).build()),
                errors -> sessionPage(id, SessionForm.empty(), null, reasonCode,
                        errors.renamed("reason", "cancelReason").renamed("reasonCode", "cancelReasonCode"), null));
    }

    private Uni<Response> sessionPage(UUID id, SessionForm move, String reason, String cancelReasonCode, Errors errors,
            String done) {
        return Uni.combine().all().unis(scheduling.session(id), reasonCodes.codes(ReasonCodesApi.SESSION_CANCELLATION)).asTuple()
                .flatMap(both -> workGroupOf(both.getItem1()).map(group -> Response.status(errors.status())
                        .entity(Templates.session(both.getItem1(), group, both.getItem2(), move, reason, cancelReasonCode,
                                errors, done)).build()));
    }

    /** A central session belongs to no one Work Group. */
    private Uni<WorkGroup> workGroupOf(Session session) {
        return session.workGroupId() == null ? Uni.createFrom().nullItem() : catalogue.workGroup(session.workGroupId());
    }
}
