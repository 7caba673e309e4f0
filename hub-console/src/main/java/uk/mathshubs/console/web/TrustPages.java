package uk.mathshubs.console.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.AllPages;
import uk.mathshubs.console.api.Page;
import uk.mathshubs.console.api.ApplicationsApi;
import uk.mathshubs.console.api.ApplicationsApi.Application;
import uk.mathshubs.console.api.ApplicationsApi.Trust;
import uk.mathshubs.console.api.ApplicationsApi.TrustParticipation;

/** A multi-academy trust's schools, their applications and their participation, for the trust's lead. */
@Path("/trusts/{code}")
@Authenticated
public class TrustPages {

    private final ApplicationsApi applications;

    public TrustPages(@RestClient ApplicationsApi applications) {
        this.applications = applications;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trust(Trust trust, List<Application> applications,
                TrustParticipation participation);
    }

    @GET
    public Uni<TemplateInstance> trust(@PathParam("code") String code) {
        return Uni.combine().all()
                .unis(applications.trust(code), AllPages.of(cursor -> applications.trustApplications(code, cursor, Page.LARGEST)),
                        applications.trustParticipation(code))
                .asTuple()
                .map(all -> Templates.trust(all.getItem1(), all.getItem2(), all.getItem3()));
    }
}
