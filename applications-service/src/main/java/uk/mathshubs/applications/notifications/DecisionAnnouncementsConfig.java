package uk.mathshubs.applications.notifications;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own email setting, beside the kit's ({@code uk.mathshubs.kit.mail.NotificationsConfig}). Nothing
 * injects it (the scheduler reads the expression), so it is kept unremovable: the property is checked and known.
 */
@Unremovable
@ConfigMapping(prefix = "notifications")
public interface DecisionAnnouncementsConfig {

    /** How often Work Groups reaching their confirmation date are looked for (read by {@code DecisionAnnouncements}). */
    @WithDefault("1m")
    String decisionCheck();
}
