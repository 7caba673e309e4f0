package uk.mathshubs.scheduling.notifications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The emails after the year (plain text, British English, in {@code src/main/resources/templates/afterTheYear/}): a
 * survey's single-use link and its reminder, a certificate's private link. Each takes one record, so a test can
 * render it directly.
 */
public final class AfterTheYearMails {

    private AfterTheYearMails() {
    }

    @CheckedTemplate(basePath = "afterTheYear")
    static class Templates {
        static native TemplateInstance surveyInvitation(SurveyMail mail);

        static native TemplateInstance surveyReminder(SurveyMail mail);

        static native TemplateInstance certificate(CertificateMail mail);
    }

    /**
     * @param workGroup "Central Maths Hub's Mastering Number at Reception and Key Stage 1 Work Group for 2027/28"
     * @param runBy who asks: "Central Maths Hub and the NCETM" (the programme's survey, with the hub's questions)
     */
    public record SurveyMail(String name, String schoolName, String workGroup, String runBy, String title, String link) {
    }

    public record CertificateMail(String name, String schoolName, String workGroup, String link, String code,
            String verificationLink) {
    }

    public static String surveyInvitation(SurveyMail mail) {
        return Templates.surveyInvitation(mail).render();
    }

    public static String surveyReminder(SurveyMail mail) {
        return Templates.surveyReminder(mail).render();
    }

    public static String certificate(CertificateMail mail) {
        return Templates.certificate(mail).render();
    }
}
