package uk.mathshubs.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: embedded (zonky, PostgreSQL 17) on a free port unless
 * {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USERNAME}/{@code TEST_DATABASE_PASSWORD}) points at
 * an external server. Each start gets a fresh database, so test runs never see each other's rows.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        Optional<String> external = setting("TEST_DATABASE_URL");
        if (external.isPresent()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", external.get(),
                    "quarkus.datasource.username", setting("TEST_DATABASE_USERNAME").orElse("postgres"),
                    "quarkus.datasource.password", setting("TEST_DATABASE_PASSWORD").orElse(""));
        }
        EmbeddedPostgres server = server();
        String database = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // The server outlives one Quarkus application: test profiles restart the app, not the database.
    }

    /** The embedded server, started once per JVM and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
        }
        return embedded;
    }

    static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(v -> !v.isBlank());
    }
}
