package no.ipshub.hub.reliability;

import static no.ipshub.hub.reliability.ReliabilitySupport.DEAD_LETTER_TOPIC;
import static no.ipshub.hub.reliability.ReliabilitySupport.OPERATOR_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.HubContext;
import no.ipshub.hub.reliability.ReliabilitySupport.KafkaTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * Broker loss. An in-process KRaft cluster of three brokers and one controller (Kafka's own test kit); the hub
 * runs in this JVM against it as against any external cluster (hub.kafka.cluster-size=3), so it creates its
 * topics with replication factor 3 and min.insync.replicas 2. Partners send whole cases over HTTP and on their
 * Kafka ingress topics; mid-stream the broker that coordinates the hub's delivery consumer group is stopped
 * without a controlled shutdown, so its partitions stay without a leader until the controller fences it.
 * Expected: the hub keeps taking and delivering messages, every acknowledged message is in its recipient's
 * inbox exactly once, nothing is dead-lettered, and /actuator/health shows Kafka with 2 of 3 brokers.
 */
class BrokerLossIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerLossIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HTTP_CASES = 600;
    private static final int KAFKA_CASES = 300;
    private static final int STOP_AFTER_ACKNOWLEDGED = 1_500;
    private static final int ACKNOWLEDGED_AFTER_THE_STOP_AT_LEAST = 1_000;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    static KafkaClusterTestKit cluster;
    static HubContext hub;
    static Ledger ledger = new Ledger();
    static int total;
    static int stoppedBroker;
    static int acknowledgedAtStop;
    static JsonNode healthAfterStop;
    static int readinessAfterStop;
    static DeliveryReport report;
    static DeliveryReport inboxTopics;

    @BeforeAll
    static void runTrafficWhileABrokerIsStopped() throws Exception {
        ReliabilitySupport.quietKafkaLogs();
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(false)
                        .setNumControllerNodes(1)
                        .setNumBrokerNodes(3)
                        .setBaseDirectory(dir.resolve("kafka"))
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("message.max.bytes", String.valueOf(16 * 1024 * 1024))
                // a stopped broker goes as a crashed one does: it hands over no leadership, and the controller
                // fences it only when its session expires
                .setConfigProp("controlled.shutdown.enable", "false")
                .setConfigProp("broker.session.timeout.ms", "6000")
                .setConfigProp("broker.heartbeat.interval.ms", "1000")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        hub = ReliabilitySupport.startHub(dir.resolve("hub"),
                "--hub.kafka.brokers=" + cluster.bootstrapServers(),
                "--hub.kafka.cluster-size=3");

        List<CaseScript> httpCases = ReliabilitySupport.conversations("broker-loss-http", HTTP_CASES, 21);
        List<CaseScript> kafkaCases = ReliabilitySupport.teamReports("broker-loss-kafka", KAFKA_CASES, 22);
        total = httpCases.stream().mapToInt(c -> c.messages().size()).sum()
                + kafkaCases.stream().mapToInt(c -> c.messages().size()).sum();
        HttpEdge edge = hub.edge();
        try (HttpTraffic http = new HttpTraffic(edge, ledger, 6, GIVE_UP_AFTER);
                KafkaTraffic kafka = new KafkaTraffic(cluster.bootstrapServers(), hub.bean(SchemaRegistryClient.class),
                        ledger, 50, GIVE_UP_AFTER)) {
            long started = System.nanoTime();
            http.start(httpCases);
            kafka.start(kafkaCases);
            await().atMost(Duration.ofMinutes(2)).until(() -> ledger.acknowledgedCount() >= STOP_AFTER_ACKNOWLEDGED);
            stoppedBroker = ingressGroupCoordinator();
            BrokerServer broker = cluster.brokers().get(stoppedBroker);
            broker.shutdown();
            broker.awaitShutdown();
            acknowledgedAtStop = ledger.acknowledgedCount();
            log.info("Broker {} stopped after {} acknowledged messages", stoppedBroker, acknowledgedAtStop);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> kafkaHealth(edge).path("details").path("brokers").asInt() == 2);
            healthAfterStop = kafkaHealth(edge);
            readinessAfterStop = edge.status("/actuator/health/readiness");
            await().atMost(Duration.ofMinutes(3)).until(() -> http.finished() && kafka.finished());
            log.info("Broker loss run: {} messages, {} acknowledged ({} before the stop), {} sends ({} resent) in {} ms",
                    total, ledger.acknowledgedCount(), acknowledgedAtStop, ledger.attempts(), ledger.resends(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        report = ReliabilitySupport.awaitDelivery(ledger, edge, cluster.bootstrapServers(), Duration.ofMinutes(2), false);
        inboxTopics = ReliabilitySupport.inboxTopicsReport(ledger, cluster.bootstrapServers(),
                hub.bean(SchemaRegistryClient.class), false);
        log.info("Broker loss inboxes: {}; inbox topics: {}", report, inboxTopics);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theHubCreatedItsTopicsWithThreeReplicasAndTwoInSync() throws Exception {
        try (Admin admin = Admin.create(ReliabilitySupport.kafkaClient(cluster.bootstrapServers()))) {
            String topic = "ips.referral-v1";
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String minInsync = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                    .get(resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();

            assertThat(description.partitions()).extracting(p -> p.replicas().size()).containsOnly(3);
            assertThat(minInsync).isEqualTo("2");
        }
    }

    @Test
    void theHubKeptTakingMessagesAfterTheBrokerStopped() {
        assertThat(ledger.rejected()).isEmpty();
        assertThat(ledger.abandoned()).isEmpty();
        assertThat(ledger.acknowledgedCount() - acknowledgedAtStop).isGreaterThanOrEqualTo(ACKNOWLEDGED_AFTER_THE_STOP_AT_LEAST);
    }

    @Test
    void everyAcknowledgedMessageIsInItsRecipientsInboxExactlyOnce() {
        assertThat(report).isEqualTo(DeliveryReport.exactlyOnce(total));
    }

    @Test
    void everyAcknowledgedMessageIsOnItsRecipientsInboxTopicExactlyOnce() {
        assertThat(inboxTopics).isEqualTo(DeliveryReport.exactlyOnce(total));
    }

    @Test
    void nothingWasDeadLettered() {
        assertThat(ReliabilitySupport.recordCount(cluster.bootstrapServers(), DEAD_LETTER_TOPIC)).isZero();
    }

    @Test
    void theHealthEndpointShowsKafkaWithTwoOfThreeBrokers() {
        assertThat(Map.of(
                "status", healthAfterStop.path("status").asString(),
                "brokers", healthAfterStop.path("details").path("brokers").asInt(),
                "expectedBrokers", healthAfterStop.path("details").path("expectedBrokers").asInt()))
            .isEqualTo(Map.of("status", "UP", "brokers", 2, "expectedBrokers", 3));
    }

    @Test
    void theHubStaysReadyWithTwoOfThreeBrokers() {
        assertThat(readinessAfterStop).isEqualTo(200);
    }

    /** The Kafka component of {@code /actuator/health}, with the details an operator sees. */
    private static JsonNode kafkaHealth(HttpEdge edge) {
        return JSON.readTree(edge.getAnyStatus("/actuator/health", OPERATOR_KEY)).path("components").path("kafka");
    }

    /** The broker that coordinates the hub's partner-ingress consumer group: stopping it moves the group. */
    private static int ingressGroupCoordinator() throws Exception {
        try (Admin admin = Admin.create(ReliabilitySupport.kafkaClient(cluster.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(ReliabilitySupport.INGRESS_GROUP)).all().get(30, TimeUnit.SECONDS)
                    .get(ReliabilitySupport.INGRESS_GROUP).coordinator().id();
        }
    }
}
