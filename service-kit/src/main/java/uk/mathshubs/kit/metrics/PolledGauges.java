package uk.mathshubs.kit.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges read from a service's database on a timer rather than when Prometheus scrapes: a scrape never waits on a
 * query, and a busy database is asked once per interval whatever the number of scrapers. Each gauge is one query
 * answering one number. A reading that fails makes every gauge NaN (an alert must not read a stale 0 when the
 * database is the trouble) and counts in {@code mathshubs_metrics_poll_failures_total}.
 */
public final class PolledGauges {

    private static final Logger LOG = Logger.getLogger(PolledGauges.class);
    private static final String FAILURES = "mathshubs.metrics.poll.failures";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final String name;
    /** Gauge name -> its query; the values as the bits of a double (no boxing on each reading). */
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final Map<String, AtomicLong> values = new LinkedHashMap<>();
    private boolean failing;

    /** @param name what these gauges are about, for the failure counter and the log */
    public PolledGauges(String name, AgroalDataSource dataSource, MeterRegistry registry) {
        this.name = name;
        this.dataSource = dataSource;
        this.registry = registry;
        registry.counter(FAILURES, "gauges", name);
    }

    /** A gauge answered by {@code query} (one row, one number), NaN until its first reading. */
    public PolledGauges gauge(String gauge, String description, String baseUnit, String query) {
        AtomicLong value = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
        Gauge.builder(gauge, value, v -> Double.longBitsToDouble(v.get())).description(description).baseUnit(baseUnit)
                .register(registry);
        queries.put(gauge, query);
        values.put(gauge, value);
        return this;
    }

    /** Reads every gauge, on one connection. */
    public synchronized void read() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> gauge : queries.entrySet()) {
                try (ResultSet row = statement.executeQuery(gauge.getValue())) {
                    row.next();
                    values.get(gauge.getKey()).set(Double.doubleToRawLongBits(Math.max(0, row.getDouble(1))));
                }
            }
            if (failing) {
                LOG.infof("The %s metrics are read again", name);
                failing = false;
            }
        } catch (SQLException e) {
            values.values().forEach(v -> v.set(Double.doubleToRawLongBits(Double.NaN)));
            registry.counter(FAILURES, "gauges", name).increment();
            if (!failing) { // once per outage, not every interval
                LOG.warnf("The %s metrics cannot be read (NaN until they can): %s", name, e.getMessage());
                failing = true;
            }
        }
    }
}
