package uk.mathshubs.scheduling.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's own email settings, beside the kit's ({@code uk.mathshubs.kit.mail.NotificationsConfig}). */
@ConfigMapping(prefix = "notifications")
public interface SessionNotificationsConfig {

    /** The address calendar invitations name as their organiser (the mailer's sender address). */
    @WithDefault("no-reply@mathshubs.example")
    String organizer();

    /** How often Work Groups reaching their confirmation date are looked for (read by {@link InvitationRelease}'s schedule). */
    @WithDefault("1m")
    String decisionCheck();
}
