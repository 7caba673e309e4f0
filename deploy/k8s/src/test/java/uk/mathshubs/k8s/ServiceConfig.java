package uk.mathshubs.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import uk.mathshubs.contracts.EventType;

/**
 * What a service's {@code application.properties} says about Kafka: the topics its incoming channels read (a
 * channel's {@code topic}, or its comma-separated {@code topics}), their dead-letter topics and consumer group, and
 * (from its outbox channel's fallback topic {@code <prefix>.unrouted}) which of the contracts' event topics it
 * publishes.
 */
record ServiceConfig(String service, Set<String> consumed, Set<String> deadLetters, Set<String> groups,
        Set<String> produced, String outboxFallback, List<String> problems) {

    static final List<String> SERVICES = List.of("programme-catalogue-service", "applications-service", "scheduling-service",
            "webhooks-service");

    static List<ServiceConfig> all() {
        return SERVICES.stream().map(ServiceConfig::read).toList();
    }

    static ServiceConfig read(String service) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(
                Manifests.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> consumed = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        String fallback = null;
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = properties.getProperty(key).trim();
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                // One topic (topic=a) or several on one channel (topics=a,b,c), which then share its dead-letter topic.
                Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(consumed::add);
                String channel = key.substring("mp.messaging.incoming.".length(), key.lastIndexOf('.'));
                String prefix = "mp.messaging.incoming." + channel + ".";
                if (!"dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy"))) {
                    problems.add(service + ": channel " + channel + " has no failure-strategy=dead-letter-queue");
                }
                String dlq = properties.getProperty(prefix + "dead-letter-queue.topic");
                if (dlq == null) {
                    problems.add(service + ": channel " + channel + " names no dead-letter-queue.topic");
                } else {
                    deadLetters.add(dlq.trim());
                }
                String group = properties.getProperty(prefix + "group.id");
                if (group != null) {
                    groups.add(group.trim());
                }
            } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                fallback = value;
            }
        }
        Set<String> produced = new LinkedHashSet<>();
        if (fallback != null) {
            String prefix = fallback.substring(0, fallback.lastIndexOf('.') + 1);
            Arrays.stream(EventType.values()).map(EventType::topic).filter(t -> t.startsWith(prefix)).sorted()
                    .forEach(produced::add);
        }
        return new ServiceConfig(service, consumed, deadLetters, groups, produced, fallback, problems);
    }
}
