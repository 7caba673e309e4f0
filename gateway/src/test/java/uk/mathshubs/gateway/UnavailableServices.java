package uk.mathshubs.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Services in trouble: the applications service is stopped (nothing listens on its port), the scheduling
 * and catalogue services accept connections but never answer, and there is no OIDC server at all.
 */
public class UnavailableServices implements QuarkusTestResourceLifecycleManager {

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket silent;

    @Override
    public Map<String, String> start() {
        try {
            int stopped;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                stopped = probe.getLocalPort();
            }
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::acceptAndSayNothing);
            String silentUrl = "http://127.0.0.1:" + silent.getLocalPort();
            return Map.of(
                    "gateway.applications-url", "http://127.0.0.1:" + stopped,
                    "gateway.scheduling-url", silentUrl,
                    "gateway.catalogue-url", silentUrl,
                    "gateway.webhooks-url", silentUrl,
                    "gateway.webhooks-health-url", silentUrl + "/q/health/live",
                    "gateway.applications-health-url", "http://127.0.0.1:" + stopped + "/q/health/live",
                    "gateway.scheduling-health-url", silentUrl + "/q/health/live",
                    "gateway.catalogue-health-url", silentUrl + "/q/health/live");
        } catch (IOException e) {
            throw new IllegalStateException("The unavailable services could not be set up", e);
        }
    }

    private void acceptAndSayNothing() {
        try {
            while (!silent.isClosed()) {
                held.add(silent.accept());
            }
        } catch (IOException closed) {
            // stop() closed the socket
        }
    }

    @Override
    public void stop() {
        try {
            silent.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a test class against these services instead of the echo stubs. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            // No OidcWiremockTestResource: quarkus.oidc.auth-server-url falls back to a port nothing listens on.
            return List.of(new TestResourceEntry(UnavailableServices.class));
        }
    }
}
