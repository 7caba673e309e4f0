package uk.mathshubs.console.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.quarkus.security.Authenticated;
import uk.mathshubs.console.api.Problem;

/** The console's front page, the page after signing out, and the page that shows what the API refused. */
@Path("/")
public class Pages {

    private final Viewer viewer;

    public Pages(Viewer viewer) {
        this.viewer = viewer;
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance signedOut();

        static native TemplateInstance error(String title, String detail, int status);
    }

    /**
     * Hub staff and programme admins start at their Work Groups, a trust lead at the trust. (Every page's redirect
     * names its path under the console: Quarkus REST puts the root path, /console, in front.)
     */
    @GET
    @Authenticated
    public Response home() {
        if (viewer.runsWorkGroups()) {
            return Response.seeOther(java.net.URI.create("/work-groups")).build();
        }
        if (viewer.isTrustLead() && viewer.trust().isPresent()) {
            return Response.seeOther(jakarta.ws.rs.core.UriBuilder.fromPath("/trusts/{code}").build(viewer.trust().get())).build();
        }
        return Response.ok(Templates.home()).build();
    }

    @GET
    @Path("signed-out")
    @NonBlocking // nothing to wait for: rendered on the event loop, not handed to a worker thread
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    static TemplateInstance refused(String title, String detail) {
        return Templates.error(title, detail, 403);
    }

    static TemplateInstance problem(Problem problem) {
        return Templates.error(problem.title(), problem.detail(), problem.status());
    }
}
