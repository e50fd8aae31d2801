package no.ipshub.hub.reliability;

import static no.ipshub.hub.reliability.ReliabilitySupport.DEAD_LETTER_TOPIC;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
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
 * Kill -9. A hub in its own JVM (the fat jar, embedded broker, registry and H2 under ./data of a fresh working
 * directory) takes a steady stream of whole IPS cases: 2,000 cases of five messages over HTTP from eight
 * concurrent clients, and 2,750 cases of four messages that teams produce on their Kafka ingress topics at about
 * 300 messages a second, 21,000 messages in all. Mid-stream the test kills the process with SIGKILL and starts it again on the same data
 * directory and ports; the partners send again, with the same message id, whatever was not acknowledged.
 * Expected: every acknowledged message is in its recipient's inbox exactly once, both as the inbox API presents it
 * and on the recipient's inbox topic as a Kafka-native partner reads it (read_committed); none is lost, no valid
 * message is refused, and nothing is dead-lettered.
 */
class HubKillRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(HubKillRecoveryIT.class);
    private static final int HTTP_CASES = 2_000;
    private static final int KAFKA_CASES = 2_750;
    private static final double KAFKA_MESSAGES_PER_SECOND = 300;
    private static final int KILL_AFTER_ACKNOWLEDGED = 7_000;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    @TempDir
    Path workDir;

    private HubProcess hub;
    private HttpTraffic httpTraffic;
    private KafkaTraffic kafkaTraffic;

    @AfterEach
    void stop() {
        if (httpTraffic != null) {
            httpTraffic.close();
        }
        if (kafkaTraffic != null) {
            kafkaTraffic.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void everyAcknowledgedMessageIsInItsRecipientsInboxExactlyOnceAfterTheHubIsKilledMidStream() {
        ReliabilitySupport.quietKafkaLogs();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CaseScript> httpCases = ReliabilitySupport.conversations("kill-http-" + run, HTTP_CASES, 11);
        List<CaseScript> kafkaCases = ReliabilitySupport.teamReports("kill-kafka-" + run, KAFKA_CASES, 12);
        int total = httpCases.stream().mapToInt(c -> c.messages().size()).sum()
                + kafkaCases.stream().mapToInt(c -> c.messages().size()).sum();
        hub = new HubProcess(workDir).start(START_TIMEOUT);
        SchemaRegistryClient registry = SchemaRegistryClients.create(hub.baseUrl() + "/registry");
        Ledger ledger = new Ledger();
        HttpEdge edge = new HttpEdge(hub.baseUrl());

        long started = System.nanoTime();
        httpTraffic = new HttpTraffic(edge, ledger, 8, GIVE_UP_AFTER).start(httpCases);
        kafkaTraffic = new KafkaTraffic(hub.bootstrapServers(), registry, ledger, 25, GIVE_UP_AFTER)
                .paced(KAFKA_MESSAGES_PER_SECOND).start(kafkaCases);
        await().atMost(Duration.ofMinutes(3)).until(() -> ledger.acknowledgedCount() >= KILL_AFTER_ACKNOWLEDGED);
        hub.kill();
        int acknowledgedAtKill = ledger.acknowledgedCount();
        long killedAt = System.nanoTime();
        hub.start(START_TIMEOUT);
        long downFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        await().atMost(Duration.ofMinutes(4)).until(() -> httpTraffic.finished() && kafkaTraffic.finished());
        long sendingTook = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        DeliveryReport report = ReliabilitySupport.awaitDelivery(ledger, edge, hub.bootstrapServers(),
                Duration.ofMinutes(3), false);
        DeliveryReport inboxTopics = ReliabilitySupport.inboxTopicsReport(ledger, hub.bootstrapServers(), registry, false);
        long deadLetters = ReliabilitySupport.recordCount(hub.bootstrapServers(), DEAD_LETTER_TOPIC);
        log.info("Kill -9 run: {} messages, {} acknowledged ({} before the kill), {} sends ({} resent, {} answered "
                + "as duplicates), {} refused, hub down for {} ms, sending took {} ms; inboxes: {}; inbox topics: {};"
                + " dead letters: {}", total, ledger.acknowledgedCount(), acknowledgedAtKill, ledger.attempts(),
                ledger.resends(), ledger.duplicateAnswers(), ledger.rejected().size(), downFor, sendingTook, report,
                inboxTopics, deadLetters);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(ledger.rejected()).as("valid messages the hub refused").isEmpty();
            softly.assertThat(ledger.abandoned()).as("messages never acknowledged").isEmpty();
            softly.assertThat(report).as("inboxes read over HTTP").isEqualTo(DeliveryReport.exactlyOnce(total));
            softly.assertThat(inboxTopics).as("inbox topics read_committed").isEqualTo(DeliveryReport.exactlyOnce(total));
            softly.assertThat(deadLetters).as("dead letters").isZero();
        });
    }
}
