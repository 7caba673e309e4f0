package uk.mathshubs.testsupport;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker (KRaft, one combined broker and controller) in the test JVM, on free ports,
 * unless {@code TEST_KAFKA_BOOTSTRAP_SERVERS} names an external one.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test application in this JVM; closed when the JVM exits.
    }

    public static synchronized String bootstrapServers() {
        Optional<String> external = PostgresResource.setting("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external.isPresent()) {
            return external.get();
        }
        if (cluster == null) {
            cluster = start1Node();
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start1Node() {
        // Kafka halts its JVM on a fatal fault, and shutting down beside the other shutdown hooks can look like one:
        // that would end the test JVM with a non-zero status after every test has passed. Here it is only reported.
        Exit.setHaltProcedure((status, message) -> System.err.printf("Kafka test broker asked to halt (%d): %s%n", status, message));
        Exit.setExitProcedure((status, message) -> System.err.printf("Kafka test broker asked to exit (%d): %s%n", status, message));
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kit.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Kafka test broker", e);
        }
    }
}
