package uk.mathshubs.console.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /**
     * The key forms' CSRF tokens are signed with; the same on every instance. Unset: a key of this process's own, fine
     * for one instance (./platform), not for several.
     */
    Optional<String> csrfKey();

    /** Sessions already checked, remembered by their cookie (security/CheckedSessions). */
    CheckedSessionsConfig checkedSessions();

    interface CheckedSessionsConfig {

        /**
         * At most this many sessions remembered at once, the least used going first: each holds its cookie (about 5 KB),
         * its three tokens and the identity, and only sessions active within max-age are worth keeping.
         */
        @WithDefault("1000")
        long maxSize();

        /** A session is checked in full again at least this often, and always once its ID token expires. */
        @WithDefault("5M")
        Duration maxAge();
    }
}
