package uk.mathshubs.applications.notifications;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The emails about applications, as type-safe Qute templates in {@code src/main/resources/templates/applications/}
 * (plain text, British English). Each takes one record with everything it shows, so a test can render it directly.
 */
public final class ApplicationMails {

    private ApplicationMails() {
    }

    @CheckedTemplate(basePath = "applications")
    static class Templates {
        static native TemplateInstance received(Received mail);

        static native TemplateInstance confirmationRequest(ConfirmationRequest mail);

        static native TemplateInstance accepted(Decision mail);

        static native TemplateInstance waitlisted(Decision mail);

        static native TemplateInstance rejected(Decision mail);

        static native TemplateInstance offered(Offer mail);
    }

    /** What every mail says about the Work Group: "Central Maths Hub's Mastering Number ... Work Group for 2024/25". */
    public record WorkGroupNames(String programme, String hub, String academicYear, LocalDate confirmationDate) {
    }

    /** "Application received", to the main contact and the headteacher. */
    public record Received(String name, String schoolName, String reference, WorkGroupNames group, String outcome,
            String reason) {

        public boolean ineligible() {
            return "INELIGIBLE".equals(outcome);
        }

        public boolean needsReview() {
            return "NEEDS_REVIEW".equals(outcome);
        }
    }

    /** To the headteacher and each lead teacher: confirm the programme's expectations through one's own link. */
    public record ConfirmationRequest(String name, String schoolName, String reference, WorkGroupNames group, String link) {
    }

    /** The allocation decision, on the confirmation date: a place, a place on the waiting list, or a refusal. */
    public record Decision(String name, String schoolName, String reference, WorkGroupNames group, Integer waitingListPosition,
            String reason) {
    }

    /** A place from the waiting list, held until {@code expiresAt}. */
    public record Offer(String name, String schoolName, String reference, WorkGroupNames group, Instant expiresAt) {
    }

    public static String received(Received mail) {
        return Templates.received(mail).render();
    }

    public static String confirmationRequest(ConfirmationRequest mail) {
        return Templates.confirmationRequest(mail).render();
    }

    public static String accepted(Decision mail) {
        return Templates.accepted(mail).render();
    }

    public static String waitlisted(Decision mail) {
        return Templates.waitlisted(mail).render();
    }

    public static String rejected(Decision mail) {
        return Templates.rejected(mail).render();
    }

    public static String offered(Offer mail) {
        return Templates.offered(mail).render();
    }
}
