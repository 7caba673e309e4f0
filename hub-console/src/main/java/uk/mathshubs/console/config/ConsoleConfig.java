package uk.mathshubs.console.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /**
     * The key forms' CSRF tokens are signed with; the same on every instance. Unset: a key of this process's own, fine
     * for one instance (./platform), not for several.
     */
    Optional<String> csrfKey();
}
