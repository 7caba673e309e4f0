package uk.mathshubs.kit.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/** What mails call a Maths Hub: its configured name, or one made from its code (NORTH_MIDS: "North Mids Maths Hub"). */
@ApplicationScoped
public class HubNames {

    private final NotificationsConfig config;

    public HubNames(NotificationsConfig config) {
        this.config = config;
    }

    public String of(String hubCode) {
        String configured = config.hubNames().get(hubCode);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Arrays.stream(hubCode.split("[_\\s-]+")).filter(word -> !word.isEmpty())
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.UK))
                .collect(Collectors.joining(" ")) + " Maths Hub";
    }
}
