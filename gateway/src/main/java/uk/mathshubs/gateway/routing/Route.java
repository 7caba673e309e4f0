package uk.mathshubs.gateway.routing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path prefix such as {@code /api/v1/work-groups/{id}/sessions} and the service that owns it. The prefix
 * covers itself and everything below it, never a longer sibling: {@code /api/v1/hubs} is not {@code /api/v1/hubsX}.
 */
public record Route(String prefix, Upstream upstream, Pattern pattern) {

    public static Route of(String prefix, Upstream upstream) {
        // {name} stands for exactly one path segment.
        String regex = Pattern.quote(prefix).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
        return new Route(prefix, upstream, Pattern.compile(regex + "(/.*)?"));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    /** The path as a metrics label: the prefix, and {@code /*} for anything below it; empty when it is not this route's. */
    public Optional<String> template(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) == null ? prefix : prefix + "/*");
    }
}
