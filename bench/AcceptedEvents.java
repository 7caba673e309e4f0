import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * ApplicationAccepted events at a steady rate, as the applications service's outbox relay sends them (CloudEvents in
 * binary mode, keyed by application), each with five people. Writes "event id,epoch seconds sent" per event, so that
 * the time until scheduling has enrolled them can be read off its processed-event table.
 *
 * java -cp "kafka/libs/*" bench/AcceptedEvents.java BOOTSTRAP WORK_GROUP_ID PROGRAMME YEAR RATE COUNT OUT_FILE
 */
public class AcceptedEvents {

    public static void main(String[] args) throws Exception {
        String group = args[1];
        String programme = args[2];
        String year = args[3];
        double rate = Double.parseDouble(args[4]);
        int count = Integer.parseInt(args[5]);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        long interval = (long) (1_000_000_000L / rate);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props);
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[6])))) {
            // Connect and learn the partitions first: otherwise the first sends wait for that, then go out in a burst.
            producer.partitionsFor("applications.applications");
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String application = UUID.randomUUID().toString();
                String event = UUID.randomUUID().toString();
                String urn = String.valueOf(9_000_000 + i);
                StringBuilder people = new StringBuilder();
                String[] roles = {"HEADTEACHER", "MATHS_LEAD", "LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1", "LEAD_TEACHER_YEAR_2"};
                for (String role : roles) {
                    people.append(people.isEmpty() ? "" : ",").append("""
                            {"participantId":"%s","role":"%s","name":"Bench %s","email":"%s@bench.example","trn":"1234567"}"""
                            .formatted(UUID.randomUUID(), role, role, role.toLowerCase()));
                }
                String payload = """
                        {"applicationId":"%s","reference":"MH-BNCH-%04d","workGroupId":"%s","hubCode":"CENTRAL","programmeCode":"%s",\
                        "academicYear":"%s","urn":"%s","schoolName":"Bench Primary %s","participants":[%s],"acceptedAt":"%s"}"""
                        .formatted(application, i % 10000, group, programme, year, urn, urn, people, Instant.now());
                ProducerRecord<String, String> record = new ProducerRecord<>("applications.applications", application, payload);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", event);
                header(record, "ce_type", "uk.mathshubs.applications.application.accepted.v1");
                header(record, "ce_source", "urn:uk:mathshubs:bench");
                header(record, "content-type", "application/json");
                double sent = System.currentTimeMillis() / 1000.0;
                producer.send(record);
                out.printf("%s,%.3f%n", event, sent);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
