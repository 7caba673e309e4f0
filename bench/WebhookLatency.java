import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * From an event on the broker to a subscribed receiver: a decision (an acceptance in a Work Group whose decisions are
 * released), an offer made and a session moved, in turn, at a steady rate, as the producing services' outbox relays send
 * them; a receiver of its own (subscribed through the gateway with the hub website's token) checks each signature and
 * notes when each message arrived, optionally failing every other call. Prints one line:
 * "sent received unsigned calls p50_ms p99_ms max_ms".
 *
 * java -cp "kafka/libs/*" bench/WebhookLatency.java BOOTSTRAP GATEWAY WEBSITE_TOKEN RATE COUNT FAIL_HALF(true|false)
 */
public class WebhookLatency {

    private static final Pattern SUBJECT = Pattern.compile("\"(applicationId|sessionId)\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String gateway = args[1];
        String token = args[2];
        double rate = Double.parseDouble(args[3]);
        int count = Integer.parseInt(args[4]);
        boolean failHalf = Boolean.parseBoolean(args[5]);

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        // A permit for each message the receiver takes the first time: the waits below are for these, not for a time.
        Semaphore arrived = new Semaphore(0);
        AtomicInteger unsigned = new AtomicInteger();
        String[] secret = new String[1];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            long now = System.currentTimeMillis();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int call = calls.incrementAndGet();
            var headers = exchange.getRequestHeaders();
            if (!verify(secret[0], headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body)) {
                unsigned.incrementAndGet();
            }
            boolean fail = failHalf && call % 2 == 0;
            if (!fail) {
                Matcher subject = SUBJECT.matcher(body);
                if (subject.find() && receivedAt.putIfAbsent(subject.group(2), now) == null) {
                    arrived.release();
                }
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        server.start();

        HttpClient http = HttpClient.newHttpClient();
        String subscription = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/webhooks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "http://127.0.0.1:%d/hook", "description": "benchmark",
                         "eventTypes": ["application.decision-released", "application.offer-made", "session.moved"]}"""
                        .formatted(server.getAddress().getPort()))).build(), HttpResponse.BodyHandlers.ofString()).body();
        secret[0] = field(subscription, "secret");
        String subscriptionId = field(subscription, "id");

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        String group = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            // A Central Work Group whose decisions were released yesterday, as the catalogue announces one.
            Instant now = Instant.now();
            send(producer, "catalogue.work-groups", group, "uk.mathshubs.catalogue.work-group.published.v1", """
                    {"workGroupId":"%s","programmeCode":"MN_RKS1","programmeTitle":"Bench","eligibilityRuleSet":"MN_RKS1",\
                    "requiredRoles":["HEADTEACHER"],"hubCode":"CENTRAL","academicYear":"2026/27","capacity":100000,\
                    "allocationPolicy":"FIRST_COME_FIRST_SERVED","status":"OPEN","applicationsOpenAt":"%s",\
                    "applicationsCloseAt":"%s","confirmationDate":"%s","revision":1}"""
                    .formatted(group, now.minusSeconds(86_400 * 30), now.minusSeconds(86_400 * 2), LocalDate.now().minusDays(1)));
            // A probe first: once it arrives, the webhooks service has taken in the Work Group and whatever was on the
            // topics before (a service deployed onto a platform with a history reads it from the start).
            String probe = UUID.randomUUID().toString();
            send(producer, "scheduling.sessions", probe, "uk.mathshubs.scheduling.session.rescheduled.v1", """
                    {"sessionId":"%s","workGroupId":"%s","programmeCode":"MN_RKS1","academicYear":"2026/27",\
                    "title":"Probe","audience":"EVERYONE","deliveryMode":"TWILIGHT","startsAt":"%s",\
                    "endsAt":"%s","status":"SCHEDULED","sequence":2,"reason":null}"""
                    .formatted(probe, group, now.plusSeconds(86_400 * 10), now.plusSeconds(86_400 * 10 + 3600)));
            producer.flush();
            if (!arrived.tryAcquire(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the probe never arrived: is the webhooks service up?");
            }
            receivedAt.remove(probe);
            long interval = (long) (1_000_000_000L / rate);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String subject = UUID.randomUUID().toString();
                String urn = String.valueOf(9_000_000 + i);
                Instant at = Instant.now();
                switch (i % 3) {
                    case 0 -> send(producer, "applications.applications", subject, "uk.mathshubs.applications.application.accepted.v1", """
                            {"applicationId":"%s","reference":"MH-BNCH-%04d","workGroupId":"%s","hubCode":"CENTRAL",\
                            "programmeCode":"MN_RKS1","academicYear":"2026/27","urn":"%s","schoolName":"Bench Primary",\
                            "participants":[],"acceptedAt":"%s"}""".formatted(subject, i % 10000, group, urn, at));
                    case 1 -> send(producer, "applications.applications", subject, "uk.mathshubs.applications.application.offer-made.v1", """
                            {"applicationId":"%s","reference":"MH-BNCH-%04d","workGroupId":"%s","urn":"%s","offerExpiresAt":"%s"}"""
                            .formatted(subject, i % 10000, group, urn, at.plusSeconds(3 * 86_400)));
                    default -> send(producer, "scheduling.sessions", subject, "uk.mathshubs.scheduling.session.rescheduled.v1", """
                            {"sessionId":"%s","workGroupId":"%s","programmeCode":"MN_RKS1","academicYear":"2026/27",\
                            "title":"Bench session","audience":"EVERYONE","deliveryMode":"TWILIGHT","startsAt":"%s",\
                            "endsAt":"%s","status":"SCHEDULED","sequence":2,"reason":null}"""
                            .formatted(subject, group, at.plusSeconds(86_400 * 10), at.plusSeconds(86_400 * 10 + 3600)));
                }
                sentAt.put(subject, System.currentTimeMillis());
            }
            producer.flush();
        }
        // Long enough for every retry a message failing by chance several times over may need (5 s doubling).
        arrived.tryAcquire(count, failHalf ? 300 : 60, TimeUnit.SECONDS);
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((subject, sent) -> {
            Long received = receivedAt.get(subject);
            if (received != null) {
                latencies.add(received - sent);
            }
        });
        latencies.sort(null);
        // What the service itself says: given up (lost), still being retried (not lost: it goes on for 3 days).
        int failed = count(http, gateway, token, subscriptionId, "FAILED");
        int retrying = count(http, gateway, token, subscriptionId, "PENDING");
        http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/webhooks/" + subscriptionId))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        server.stop(0);
        System.out.printf("%d %d %d %d %d %d %d %d %d%n", count, latencies.size(), unsigned.get(), calls.get(), pct(latencies, 50),
                pct(latencies, 99), latencies.isEmpty() ? -1 : latencies.getLast(), failed, retrying);
    }

    /** How many of the subscription's deliveries are in a status, read from its delivery log page by page. */
    private static int count(HttpClient http, String gateway, String token, String subscription, String status) throws Exception {
        int total = 0;
        String cursor = null;
        do {
            String page = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/webhooks/" + subscription
                    + "/deliveries?size=1000&status=" + status + (cursor == null ? "" : "&cursor=" + cursor)))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher ids = Pattern.compile("\"messageId\"").matcher(page);
            while (ids.find()) {
                total++;
            }
            Matcher next = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"").matcher(page);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return total;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "urn:uk:mathshubs:bench");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Standard Webhooks: v1 signatures over id.timestamp.body, keyed with the secret's base64 after whsec_. */
    private static boolean verify(String secret, String id, String timestamp, String signatures, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
