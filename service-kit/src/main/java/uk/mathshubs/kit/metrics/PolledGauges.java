package uk.mathshubs.kit.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges whose values a service reads from its database on a timer rather than when Prometheus scrapes: a scrape
 * never waits on a query, and a busy database is asked once per interval whatever the number of scrapers.
 */
public final class PolledGauges {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public PolledGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers a gauge, NaN (no reading yet) until its first {@link #set}. */
    public void register(String name, String description, String baseUnit) {
        AtomicReference<Double> value = values.computeIfAbsent(name, n -> new AtomicReference<>(Double.NaN));
        Gauge.builder(name, value, AtomicReference::get).description(description).baseUnit(baseUnit).register(registry);
    }

    public void set(String name, double value) {
        AtomicReference<Double> gauge = values.get(name);
        if (gauge == null) {
            throw new IllegalArgumentException("No gauge " + name + " was registered");
        }
        gauge.set(value);
    }
}
