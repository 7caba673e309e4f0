package uk.mathshubs.security;

import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What names a request in log lines, metric labels and headers, the same in the gateway and every service: its
 * request id and the client it came from.
 */
public final class RequestNames {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    // Ids end up in log lines and other services' headers: nothing that could forge either.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestNames() {
    }

    /** True for a request id fit to be logged and passed on. */
    public static boolean isSafeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    /** The client a token was issued to (its {@code azp}: a website or an integration, never the user). */
    public static String client(JsonWebToken token) {
        return Optional.ofNullable(token.<String>getClaim("azp")).orElse("unknown");
    }
}
