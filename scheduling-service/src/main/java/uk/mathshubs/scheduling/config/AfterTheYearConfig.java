package uk.mathshubs.scheduling.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The links the after-the-year mails carry, and how often a survey may be chased. */
@ConfigMapping(prefix = "after-the-year")
public interface AfterTheYearConfig {

    /**
     * Where a survey's single-use link leads, its token appended: a hub website's or the NCETM's page that shows the
     * questions (calling {@code GET /api/v1/survey-invitations/{token}}); by default that API address itself.
     */
    @WithDefault("http://localhost:8080/api/v1/survey-invitations/")
    String surveyLink();

    /** The person's private link to their certificate, its token and {@code .pdf} appended. */
    @WithDefault("http://localhost:8080/api/v1/certificate-files/")
    String certificateLink();

    /** Where anyone checks a certificate, its code appended: printed on the certificate. */
    @WithDefault("http://localhost:8080/api/v1/certificates/")
    String verificationLink();

    /** At most one reminder per person in this long. */
    @WithDefault("7d")
    Duration reminderInterval();
}
