package no.ipshub.hub.reliability;

import static no.ipshub.hub.reliability.ReliabilitySupport.ingressTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.HubContext;
import no.ipshub.hub.reliability.ReliabilitySupport.KafkaTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Poison and garbage, on the whole application (embedded broker, embedded registry, H2, HTTP edge). Teams produce
 * six bad records on their Kafka ingress topics (random bytes, a wrong magic byte, an unknown schema id, a valid
 * header over garbage, a valid message with an invalid national id, and 10 MB), each followed at once by a whole
 * valid case with the same key, so on the same partition; meanwhile other partners send cases over HTTP.
 * Expected: each bad record becomes exactly one DeadLetter on ips.deadletter-v1 with its reason code and its
 * source position, no valid message becomes one, every valid message is delivered exactly once, and the routes
 * are still running. The reason of every kind of bad input is pinned down per route in the routes module; this
 * is the same seen from outside the running hub.
 */
class PoisonMessageIT {

    private static final Logger log = LoggerFactory.getLogger(PoisonMessageIT.class);
    private static final int TEN_MB = 10 * 1024 * 1024;

    /** A bad record made from the wire bytes of a valid message, and the reason it must be dead-lettered with. */
    enum Poison {
        RANDOM_BYTES(DeadLetterReason.WRONG_MAGIC_BYTE, valid -> {
            byte[] noise = randomBytes(300, 1);
            noise[0] = 0x7b; // what a partner sending JSON by mistake would start with
            return noise;
        }),
        WRONG_MAGIC_BYTE(DeadLetterReason.WRONG_MAGIC_BYTE, valid -> {
            byte[] bad = valid.clone();
            bad[0] = 1;
            return bad;
        }),
        UNKNOWN_SCHEMA_ID(DeadLetterReason.UNKNOWN_SCHEMA_ID, valid -> {
            byte[] bad = valid.clone();
            ByteBuffer.wrap(bad).putInt(1, 987_654);
            return bad;
        }),
        GARBAGE_AFTER_A_VALID_HEADER(DeadLetterReason.MALFORMED_AVRO, valid -> {
            byte[] bad = valid.clone();
            byte[] noise = randomBytes(bad.length - 5, 42);
            System.arraycopy(noise, 0, bad, 5, noise.length);
            return bad;
        }),
        INVALID_CONTENT(DeadLetterReason.INVALID_CONTENT, null),
        TEN_MEGABYTES(DeadLetterReason.MESSAGE_TOO_LARGE, valid -> {
            byte[] huge = randomBytes(TEN_MB, 7);
            System.arraycopy(valid, 0, huge, 0, 5);
            return huge;
        });

        final DeadLetterReason reason;
        final UnaryOperator<byte[]> fromValid;

        Poison(DeadLetterReason reason, UnaryOperator<byte[]> fromValid) {
            this.reason = reason;
            this.fromValid = fromValid;
        }
    }

    /** Where a record landed on Kafka. */
    record Position(String topic, int partition, long offset) {
    }

    @TempDir
    static Path dataDir;

    static HubContext hub;
    static final Ledger ledger = new Ledger();
    static final Map<Position, DeadLetterReason> poisoned = new HashMap<>();
    static List<DeadLetter> deadLetters;
    static byte[] tenMegabytes;
    static DeliveryReport report;

    @BeforeAll
    static void sendPoisonBetweenValidTraffic() throws Exception {
        int kafkaPort = ReliabilitySupport.freePort();
        hub = ReliabilitySupport.startHub(dataDir,
                "--hub.kafka.embedded.port=" + kafkaPort,
                "--hub.kafka.embedded.controller-port=" + ReliabilitySupport.freePort());
        String bootstrap = "127.0.0.1:" + kafkaPort;
        SchemaRegistryClient registry = hub.bean(SchemaRegistryClient.class);
        HttpEdge edge = hub.edge();
        List<CaseScript> afterPoison = ReliabilitySupport.teamReports("poison-next", Poison.values().length, 31);
        long started = System.nanoTime();
        try (HttpTraffic http = new HttpTraffic(edge, ledger, 4, Duration.ofMinutes(1));
                KafkaTraffic valid = new KafkaTraffic(bootstrap, registry, ledger, 1, Duration.ofMinutes(1));
                KafkaProducer<byte[], byte[]> producer = ReliabilitySupport.partnerProducer(bootstrap)) {
            http.start(ReliabilitySupport.conversations("poison-http", 150, 32));
            for (Poison poison : Poison.values()) {
                CaseScript next = afterPoison.get(poison.ordinal());
                HubMessage referral = next.messages().get(0);
                byte[] bad = poison.fromValid == null
                        ? valid.wireBytes(HubMessages.referral().caseId(next.caseId()).sender(referral.getSender())
                                .recipient(referral.getRecipient())
                                .referral(r -> r.setParticipantNationalId("17059012345")).build())
                        : poison.fromValid.apply(valid.wireBytes(referral));
                RecordMetadata at = producer.send(new ProducerRecord<>(ingressTopic(referral.getSender()),
                        next.caseId().getBytes(StandardCharsets.UTF_8), bad)).get(30, TimeUnit.SECONDS);
                poisoned.put(new Position(at.topic(), at.partition(), at.offset()), poison.reason);
                if (poison == Poison.TEN_MEGABYTES) {
                    tenMegabytes = bad;
                }
                valid.start(List.of(next));
                await().atMost(Duration.ofMinutes(1)).until(valid::finished);
            }
            await().atMost(Duration.ofMinutes(2)).until(http::finished);
        }
        report = ReliabilitySupport.awaitDelivery(ledger, edge, bootstrap, Duration.ofMinutes(1), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> ReliabilitySupport.deadLetters(bootstrap, registry).size()
                >= poisoned.size());
        deadLetters = ReliabilitySupport.deadLetters(bootstrap, registry);
        log.info("Poison run: {} bad records, {} valid messages acknowledged in {} ms; inboxes: {}; dead letters: {}",
                poisoned.size(), ledger.acknowledgedCount(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                report, deadLetters.size());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void eachBadRecordBecomesOneDeadLetterWithItsReasonAndItsSourcePosition() {
        Map<Position, DeadLetterReason> found = new HashMap<>();
        deadLetters.forEach(d -> found.put(
                new Position(d.getSourceTopic(), d.getSourcePartition(), d.getSourceOffset()), d.getReasonCode()));

        assertThat(deadLetters).hasSize(poisoned.size());
        assertThat(found).isEqualTo(poisoned);
    }

    @Test
    void everyValidMessageSentAroundTheBadRecordsIsDeliveredExactlyOnce() {
        assertThat(ledger.rejected()).isEmpty();
        assertThat(report).isEqualTo(DeliveryReport.exactlyOnce(ledger.acknowledgedCount()));
    }

    @Test
    void theDeadLetterOfTheTenMegabyteRecordHoldsItsFirst64KiB() {
        DeadLetter letter = deadLetters.stream().filter(d -> d.getReasonCode() == DeadLetterReason.MESSAGE_TOO_LARGE)
                .findFirst().orElseThrow();

        assertThat(letter.getOriginalValue())
                .isEqualTo(ByteBuffer.wrap(Arrays.copyOf(tenMegabytes, DeadLetters.KEPT_BYTES_OF_OVERSIZED)));
    }

    @Test
    void theIngressRouteIsStillRunning() {
        CamelContext camel = hub.bean(CamelContext.class);

        assertThat(camel.getRouteController().getRouteStatus("partner-ingress")).isEqualTo(ServiceStatus.Started);
    }
}
