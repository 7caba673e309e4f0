package uk.mathshubs.console.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.AllPages;
import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.CatalogueApi.WorkGroup;
import uk.mathshubs.console.api.Page;
import uk.mathshubs.console.api.SchedulingApi;

/**
 * A Work Group's evaluation surveys, as its hub follows them: how many answered, the answers counted, who has not
 * answered yet, and a reminder to them (the API sends at most one a week to each person).
 */
@Path("/")
@Authenticated
public class SurveyPages {

    private final SchedulingApi scheduling;
    private final CatalogueApi catalogue;

    public SurveyPages(@RestClient SchedulingApi scheduling, @RestClient CatalogueApi catalogue) {
        this.scheduling = scheduling;
        this.catalogue = catalogue;
    }

    /** One survey as this Work Group sees it. */
    public record Followed(SchedulingApi.Survey survey, SchedulingApi.SurveyResults results, List<SchedulingApi.Invitee> waiting) {
    }

    /** What a reminder did, when the page follows one. */
    public record Reminded(int reminded, int remindedInTheLastWeek) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance surveys(WorkGroup workGroup, List<Followed> surveys, Reminded reminded);
    }

    @GET
    @Path("work-groups/{id}/surveys")
    public Uni<TemplateInstance> surveys(@PathParam("id") UUID workGroupId, @QueryParam("reminded") Integer reminded,
            @QueryParam("notYet") Integer notYet) {
        return catalogue.workGroup(workGroupId).flatMap(group -> AllPages.of(cursor -> scheduling.surveys(
                        group.programme().code(), group.academicYear(), cursor, Page.LARGEST))
                .flatMap(surveys -> surveys.isEmpty() ? Uni.createFrom().item(List.<Followed>of())
                        : Uni.join().all(surveys.stream().map(survey -> followed(survey, workGroupId)).toList()).andFailFast())
                .map(followed -> Templates.surveys(group, followed,
                        reminded == null ? null : new Reminded(reminded, notYet == null ? 0 : notYet))));
    }

    private Uni<Followed> followed(SchedulingApi.Survey survey, UUID workGroupId) {
        return Uni.combine().all().unis(scheduling.surveyResults(survey.id(), workGroupId),
                        AllPages.of(cursor -> scheduling.invitees(survey.id(), workGroupId, false, cursor, Page.LARGEST)))
                .asTuple().map(both -> new Followed(survey, both.getItem1(), both.getItem2()));
    }

    @POST
    @Path("work-groups/{id}/surveys/{surveyId}/reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> remind(@PathParam("id") UUID workGroupId, @PathParam("surveyId") UUID surveyId) {
        // A refusal (another hub's Work Group) is the API's problem page, as for every page.
        return scheduling.remind(surveyId, workGroupId).map(sent -> Response.seeOther(URI.create("/work-groups/" + workGroupId
                + "/surveys?reminded=" + sent.reminded() + "&notYet=" + sent.remindedInTheLastWeek())).build());
    }
}
