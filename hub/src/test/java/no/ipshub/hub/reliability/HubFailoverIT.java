package no.ipshub.hub.reliability;

import static no.ipshub.hub.reliability.ReliabilitySupport.DEAD_LETTER_TOPIC;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.hub.kafka.EmbeddedKafkaBroker;
import no.ipshub.hub.kafka.HubKafkaProperties;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
import no.ipshub.hub.reliability.ReliabilitySupport.DatabaseServer;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.KafkaTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Failover. Two hub processes share a broker and a database, as two instances behind a load balancer do, and
 * share the work through the partner-ingress consumer group: each owns the partitions of some cases, with their
 * state. Partners send whole cases over HTTP (to either instance, the other one when the first does not answer)
 * and on their Kafka ingress topics. Mid-stream the first instance is killed with SIGKILL and stays down, so its
 * partitions, with the transaction it had open, move to the second.
 * Expected: every acknowledged message is in its recipient's inbox exactly once, over HTTP and on the inbox
 * topic read_committed; none lost, none refused, nothing dead-lettered.
 */
class HubFailoverIT {

    private static final Logger log = LoggerFactory.getLogger(HubFailoverIT.class);
    private static final int HTTP_CASES = 600;
    private static final int KAFKA_CASES = 750;
    private static final double KAFKA_MESSAGES_PER_SECOND = 200;
    private static final int KILL_AFTER_ACKNOWLEDGED = 2_000;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private EmbeddedKafkaBroker broker;

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        resources.add(resource);
        return resource;
    }

    private HubProcess instance(String name, DatabaseServer database) throws Exception {
        Path workDir = Files.createDirectories(dir.resolve(name));
        List<String> arguments = new ArrayList<>(List.of(
                "--hub.kafka.brokers=" + broker.bootstrapServers(),
                "--hub.kafka.cluster-size=1",
                "--hub.research.key-file=" + dir.resolve("research.key")));
        arguments.addAll(database.hubArguments());
        return closing(new HubProcess(workDir, arguments)).start(START_TIMEOUT);
    }

    @Test
    void everyAcknowledgedMessageIsDeliveredExactlyOnceWhenAnInstanceIsKilledAndItsPartitionsMove() throws Exception {
        ReliabilitySupport.quietKafkaLogs();
        broker = EmbeddedKafkaBroker.start(new HubKafkaProperties.Embedded(dir.resolve("kafka"), "127.0.0.1",
                ReliabilitySupport.freePort(), ReliabilitySupport.freePort()));
        DatabaseServer database = closing(new DatabaseServer(dir.resolve("db")).start());
        HubProcess first = instance("first", database);
        HubProcess second = instance("second", database);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CaseScript> httpCases = ReliabilitySupport.conversations("failover-http-" + run, HTTP_CASES, 61);
        List<CaseScript> kafkaCases = ReliabilitySupport.teamReports("failover-kafka-" + run, KAFKA_CASES, 62);
        int total = httpCases.stream().mapToInt(c -> c.messages().size()).sum()
                + kafkaCases.stream().mapToInt(c -> c.messages().size()).sum();
        SchemaRegistryClient registry = SchemaRegistryClients.create(second.baseUrl() + "/registry");
        Ledger ledger = new Ledger();
        HttpEdge balanced = new HttpEdge(List.of(first.baseUrl(), second.baseUrl()));

        long started = System.nanoTime();
        HttpTraffic http = closing(new HttpTraffic(balanced, ledger, 8, GIVE_UP_AFTER)).start(httpCases);
        KafkaTraffic kafka = closing(new KafkaTraffic(broker.bootstrapServers(), registry, ledger, 25, GIVE_UP_AFTER))
                .paced(KAFKA_MESSAGES_PER_SECOND).start(kafkaCases);
        await().atMost(Duration.ofMinutes(3)).until(() -> ledger.acknowledgedCount() >= KILL_AFTER_ACKNOWLEDGED);
        first.kill();
        int acknowledgedAtKill = ledger.acknowledgedCount();
        await().atMost(GIVE_UP_AFTER.plusMinutes(1)).until(() -> http.finished() && kafka.finished());
        long sendingTook = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        HttpEdge survivor = new HttpEdge(second.baseUrl());
        DeliveryReport inboxes = ReliabilitySupport.awaitDelivery(ledger, survivor, broker.bootstrapServers(),
                Duration.ofMinutes(3), false);
        DeliveryReport inboxTopics = ReliabilitySupport.inboxTopicsReport(ledger, broker.bootstrapServers(), registry,
                false);
        long deadLetters = ReliabilitySupport.recordCount(broker.bootstrapServers(), DEAD_LETTER_TOPIC);
        log.info("Failover run: {} messages, {} acknowledged ({} before the kill), {} sends ({} resent, {} answered as"
                + " duplicates), {} refused, sending took {} ms; inboxes: {}; inbox topics: {}; dead letters: {}", total,
                ledger.acknowledgedCount(), acknowledgedAtKill, ledger.attempts(), ledger.resends(),
                ledger.duplicateAnswers(), ledger.rejected().size(), sendingTook, inboxes, inboxTopics, deadLetters);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(ledger.rejected()).as("valid messages the hub refused").isEmpty();
            softly.assertThat(ledger.abandoned()).as("messages never acknowledged").isEmpty();
            softly.assertThat(inboxes).as("inboxes read over HTTP").isEqualTo(DeliveryReport.exactlyOnce(total));
            softly.assertThat(inboxTopics).as("inbox topics read_committed").isEqualTo(DeliveryReport.exactlyOnce(total));
            softly.assertThat(deadLetters).as("dead letters").isZero();
        });
    }
}
