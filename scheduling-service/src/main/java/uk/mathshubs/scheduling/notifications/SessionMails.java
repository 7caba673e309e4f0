package uk.mathshubs.scheduling.notifications;

import java.time.Instant;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The emails about sessions, as type-safe Qute templates in {@code src/main/resources/templates/sessions/} (plain
 * text, British English); each goes with the session's calendar file. Each takes one record, so a test can render it
 * directly.
 */
public final class SessionMails {

    private SessionMails() {
    }

    @CheckedTemplate(basePath = "sessions")
    static class Templates {
        static native TemplateInstance invitation(SessionMail mail);

        static native TemplateInstance moved(SessionMail mail);

        static native TemplateInstance cancelled(SessionMail mail);
    }

    /**
     * A session, and who it is mailed to.
     *
     * @param workGroup "Central Maths Hub's Mastering Number at KS2 Work Group for 2024/25" (the programme by its code
     *        while this service's copy of the Work Group has no title)
     * @param runBy who runs the session: its Work Group's hub, or the NCETM for a national one
     * @param reason why it was moved or cancelled (null for an invitation)
     */
    public record SessionMail(String name, String role, String schoolName, String workGroup, String runBy, boolean central,
            String title, String deliveryMode, Instant startsAt, Instant endsAt, String location, String joinLink,
            String reason) {
    }

    public static String invitation(SessionMail mail) {
        return Templates.invitation(mail).render();
    }

    public static String moved(SessionMail mail) {
        return Templates.moved(mail).render();
    }

    public static String cancelled(SessionMail mail) {
        return Templates.cancelled(mail).render();
    }
}
