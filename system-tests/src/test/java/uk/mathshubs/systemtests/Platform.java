package uk.mathshubs.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a newcomer starts it, with {@code ./platform up}, but on free ports and in a
 * private state directory, so it never clashes with a platform a developer is running.
 */
final class Platform implements AutoCloseable {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(12);

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    final int gatewayPort;
    final int keycloakPort;

    private Platform(Path root, Path home) throws IOException {
        this.root = root;
        this.home = home;
        gatewayPort = freePort();
        keycloakPort = freePort();
        env.put("PLATFORM_HOME", home.toString());
        env.put("PLATFORM_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("PLATFORM_KEYCLOAK_PORT", String.valueOf(keycloakPort));
        for (String port : List.of("PLATFORM_KEYCLOAK_MANAGEMENT_PORT", "PLATFORM_CATALOGUE_PORT", "PLATFORM_APPLICATIONS_PORT",
                "PLATFORM_SCHEDULING_PORT", "PLATFORM_POSTGRES_PORT", "PLATFORM_KAFKA_PORT", "PLATFORM_KAFKA_CONTROLLER_PORT",
                "PLATFORM_GATEWAY_MANAGEMENT_PORT", "PLATFORM_CATALOGUE_MANAGEMENT_PORT", "PLATFORM_APPLICATIONS_MANAGEMENT_PORT",
                "PLATFORM_SCHEDULING_MANAGEMENT_PORT", "PLATFORM_PROMETHEUS_PORT", "PLATFORM_WEBHOOKS_PORT",
                "PLATFORM_WEBHOOKS_MANAGEMENT_PORT", "PLATFORM_CONSOLE_PORT", "PLATFORM_CONSOLE_MANAGEMENT_PORT")) {
            env.put(port, String.valueOf(freePort()));
        }
        // The reactor has just packaged every service; the platform must run exactly those jars.
        env.put("PLATFORM_SKIP_BUILD", "1");
    }

    static Platform up() throws Exception {
        return up(Path.of(System.getProperty("platform.home", "target/platform")));
    }

    /** A platform in a state directory of its own. */
    static Platform up(Path stateDirectory) throws Exception {
        return up(stateDirectory, Map.of());
    }

    /** A platform in a state directory of its own, with settings of its own (environment variables of its processes). */
    static Platform up(Path stateDirectory, Map<String, String> settings) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path home = stateDirectory.toAbsolutePath();
        Platform platform = new Platform(root, home);
        platform.env.putAll(settings);
        try {
            platform.run(UP_TIMEOUT, "up");
        } catch (Exception failed) {
            // What did start is stopped: a later start (the next test class's, with new ports) once waited for the
            // PostgreSQL this one had left running on its old port.
            try {
                platform.close();
            } catch (Exception notStopped) {
                failed.addSuppressed(notStopped);
            }
            throw failed;
        }
        return platform;
    }

    /** A service's own database (catalogue, applications, scheduling or webhooks), as the platform created it. */
    Connection database(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + env.get("PLATFORM_POSTGRES_PORT") + "/"
                + service, service, service);
    }

    String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    String realm() {
        return "http://localhost:" + keycloakPort + "/realms/maths-hubs";
    }

    Path home() {
        return home;
    }

    /** The repository the platform runs from. */
    Path root() {
        return root;
    }

    /** A demo user's token, through the public sign-in client (password demo-password). */
    String passwordToken(String user) {
        return io.restassured.RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "maths-hubs-cli",
                        "username", user, "password", "demo-password"))
                .post(realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A confidential client's own token (client credentials). */
    String clientToken(String client, String secret) {
        return io.restassured.RestAssured.given().formParams(Map.of("grant_type", "client_credentials", "client_id", client,
                        "client_secret", secret))
                .post(realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A port the platform was given, by its variable: PLATFORM_KAFKA_PORT, PLATFORM_APPLICATIONS_PORT, ... */
    int port(String variable) {
        return Integer.parseInt(env.get(variable));
    }

    /** Kills a component as a crash would (SIGKILL): no shutdown hook runs, nothing is flushed. */
    void kill(String component) throws IOException {
        long pid = Long.parseLong(Files.readString(home.resolve("pids/" + component + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Starts one component again and waits until it is ready. */
    void start(String component) throws Exception {
        run(Duration.ofMinutes(3), "up", component);
    }

    String run(Duration timeout, String... command) throws Exception {
        Files.createDirectories(home);
        Path log = home.resolve("platform-" + command[0] + ".out");
        ProcessBuilder builder = new ProcessBuilder(concat(root.resolve("platform").toString(), command))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./platform " + String.join(" ", command) + " did not finish in " + timeout
                    + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./platform " + String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        run(Duration.ofMinutes(2), "down");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Ports given out by this JVM, so that no two components are given the same one. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /**
     * A port free now and below Linux's ephemeral range (32768 and up by default). The console starts two minutes after
     * its port is chosen; a port the kernel handed out as free may meanwhile be the local end of some outgoing
     * connection (a JDBC or Kafka client's), and once it was: "port in use", the platform down.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // taken by something else: try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }
}
