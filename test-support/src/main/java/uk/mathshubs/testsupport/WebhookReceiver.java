package uk.mathshubs.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of webhooks, as a hub website would run one: it records every request, answers as the test
 * tells it (a status, or a hang), and checks each signature the way the Standard Webhooks specification says a
 * receiver should, written here from the specification and not shared with the sender's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The specification's tolerance for a message's timestamp, against replays. */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One request as received, with the time it arrived. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String id() {
            return headers.get("webhook-id");
        }

        public String type() {
            return json().path("type").asText();
        }

        public JsonNode data() {
            return json().path("data");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        /** Whether one of the message's signatures is valid for {@code secret}, within the timestamp tolerance. */
        public boolean signedWith(String secret) {
            return verify(secret, headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"), body);
        }
    }

    /** How to answer the next requests of a path: a status, after a delay (a delay over the sender's timeout is a hang). */
    public record Reply(int status, Duration delay) {

        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO);
        }

        public static Reply hang(Duration delay) {
            return new Reply(200, delay);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<Reply>> scripted = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address of a path on this receiver, for a subscription. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered so, one reply each, in order; after them, 200. */
    public void script(String path, Reply... replies) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body, Instant.now()));
            ConcurrentLinkedDeque<Reply> replies = scripted.get(path);
            Reply reply = replies == null ? null : replies.pollFirst();
            if (reply == null) {
                reply = Reply.status(200);
            }
            if (!reply.delay().isZero() && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // closing: drop the connection
            }
            exchange.sendResponseHeaders(reply.status(), -1);
            OutputStream ignored = exchange.getResponseBody();
            ignored.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The Standard Webhooks check: the signed content is {@code id.timestamp.body}; the key is the secret's base64 after
     * {@code whsec_}; the header holds space-separated {@code v1,<base64 HMAC-SHA256>}, any one of which may match; the
     * timestamp must be within five minutes of now.
     */
    public static boolean verify(String secret, String id, String timestamp, String signatures, String body) {
        try {
            return check(secret, id, timestamp, signatures, body);
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException malformed) {
            return false; // a signature or timestamp that is not what the specification says is no signature
        }
    }

    private static boolean check(String secret, String id, String timestamp, String signatures, String body) {
        if (secret == null || id == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(sent), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : signatures.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
