package uk.mathshubs.kit.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * The sandbox clock: in sandbox mode ({@code kit.sandbox.enabled}, which {@code ./platform up --sandbox} turns on and
 * the production overlay never does), a request may say what "now" is for it in {@code X-With-Server-Date} (as the
 * DfE's Lead Provider API does in its sandbox), so a website can see a window close, decisions released on the
 * confirmation date or an offer run out without waiting for those dates. Only that request's "now" moves: every clock
 * of the service reads {@link #requested()} first (the kit's own, and the tests'); work done in the background keeps
 * the real time. Outside sandbox mode the header is a 400, never silently ignored.
 */
public class SandboxDates {

    public static final String HEADER = "X-With-Server-Date";
    private static final String NOW = SandboxDates.class.getName() + ".now";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final boolean enabled;

    public SandboxDates(@ConfigProperty(name = "kit.sandbox.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    /** The "now" this request asked for, in sandbox mode; empty everywhere else (background work included). */
    public static Optional<Instant> requested() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.get(NOW);
    }

    @ServerRequestFilter(preMatching = true)
    public void serverDate(HttpHeaders headers) {
        String value = headers.getHeaderString(HEADER);
        if (value == null) {
            return;
        }
        if (!enabled) {
            throw ProblemException.invalidField(HEADER, "only the sandbox takes it (./platform up --sandbox); this service runs in real time");
        }
        Optional<Instant> now = parse(value.strip()).filter(SandboxDates::withinTheYearsItServes);
        if (now.isEmpty()) {
            throw ProblemException.invalidField(HEADER, "must be a date-time with its offset (2027-03-07T09:00:00Z) or a date"
                    + " (2027-03-07, its start in UK time), in the years 2000 to 2099");
        }
        ContextLocals.put(NOW, now.get());
    }

    private static boolean withinTheYearsItServes(Instant now) {
        int year = now.atZone(UK).getYear();
        return year >= 2000 && year <= 2099;
    }

    private static Optional<Instant> parse(String value) {
        try {
            return Optional.of(value.length() <= 10 ? LocalDate.parse(value).atStartOfDay(UK).toInstant()
                    : OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
