package uk.mathshubs.kit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** "Now" comes from an injected clock wherever it matters, so tests can set it, and a sandbox request too. */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return SandboxDates.requested().orElseGet(Instant::now);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.system(zone);
            }
        };
    }
}
