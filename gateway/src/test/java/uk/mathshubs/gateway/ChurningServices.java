package uk.mathshubs.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Services whose connections go away under the gateway: each connection takes one request; the odd-numbered ones
 * close without answering, as a service does that closes a connection the gateway was reusing, the even-numbered
 * ones answer 200 with a body naming the method, and close. Each request is counted.
 */
public class ChurningServices implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger REQUESTS = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::serve);
            String url = "http://127.0.0.1:" + server.getLocalPort();
            return Map.of("gateway.applications-url", url, "gateway.scheduling-url", url, "gateway.catalogue-url", url,
                    "gateway.webhooks-url", url);
        } catch (IOException e) {
            throw new IllegalStateException("The churning services could not be set up", e);
        }
    }

    private void serve() {
        try {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                boolean drop = connections.incrementAndGet() % 2 == 1;
                Thread.ofVirtual().start(() -> answer(socket, drop));
            }
        } catch (IOException closed) {
            // stop() closed the socket
        }
    }

    private static void answer(Socket socket, boolean drop) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            String requestLine = in.readLine();
            if (requestLine != null && !requestLine.isEmpty()) {
                int length = 0;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring("content-length:".length()).strip());
                    }
                }
                in.skip(length); // ISO-8859-1: a char per byte
                REQUESTS.incrementAndGet();
                if (drop) {
                    return; // closed, no answer
                }
                byte[] body = ("{\"method\":\"" + requestLine.split(" ")[0] + "\"}").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException gone) {
            // the gateway closed its end
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a test class against these services instead of the echo stubs. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChurningServices.class));
        }

    }
}
