package uk.mathshubs.console.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import uk.mathshubs.console.config.ConsoleConfig;

/**
 * Cross-site request forgery: every form carries a token that is the HMAC of the signed-in person's session, and
 * every form post must bring it back. A page of another site cannot read it, and it is worth nothing in another
 * session. The session cookie is SameSite=Lax besides. (quarkus-rest-csrf does the same with a cookie; the Maven
 * mirror here lacks it at the pinned Quarkus version.)
 */
@ApplicationScoped
@Named("csrf")
public class Csrf {

    /** The name of the hidden field every form carries. */
    public static final String FIELD = "csrf";

    private final ThreadLocal<Mac> hmac;
    private final Instance<Viewer> viewer;

    public Csrf(ConsoleConfig config, Instance<Viewer> viewer) {
        this.viewer = viewer;
        byte[] key = config.csrfKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.hmac = ThreadLocal.withInitial(() -> hmac(key));
    }

    /** The token for the forms of this request's page ({@code {inject:csrf.token}} in the templates). */
    public String token() {
        Viewer signedIn = viewer.get();
        return signedIn.csrfToken(() -> signedIn.session().map(this::sign).orElse(""));
    }

    public String field() {
        return FIELD;
    }

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object sent = context.getFormParameter(FIELD, true, false);
        String expected = token();
        boolean valid = sent instanceof String token && !expected.isEmpty()
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .entity(Pages.refused("This form has expired",
                            "The page you sent it from is out of date or was not one of ours. Go back, reload the page and try again."))
                    .build());
        }
    }

    private String sign(String session) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.get().doFinal(("csrf:" + session).getBytes(StandardCharsets.UTF_8)));
    }

    /** A keyed HMAC per thread, made once: looking the algorithm up and keying it again was a page's cost every time. */
    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
