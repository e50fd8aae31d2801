package no.ipshub.hub.reliability;

import static no.ipshub.hub.reliability.ReliabilitySupport.DEAD_LETTER_TOPIC;
import static no.ipshub.hub.reliability.ReliabilitySupport.ingressTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.ipshub.hub.kafka.EmbeddedKafkaBroker;
import no.ipshub.hub.kafka.HubKafkaProperties;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
import no.ipshub.hub.reliability.ReliabilitySupport.DatabaseServer;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.HubContext;
import no.ipshub.hub.reliability.ReliabilitySupport.KafkaTraffic;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Dependency outage. The hub runs in this JVM against a broker of its own, a database behind an H2 TCP server and a
 * schema registry served by another Spring context (hub.schema-registry.url): two dependencies the test takes away
 * while partners keep sending, and brings back. The hub knows nothing of the test; it sees connections cut and
 * refused. Expected: the routes pause and retry with back-off, nothing is dead-lettered while the dependency is
 * away, and once it is back they resume by themselves and every acknowledged message is delivered exactly once.
 */
class DependencyOutageIT {

    private static final Logger log = LoggerFactory.getLogger(DependencyOutageIT.class);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    static EmbeddedKafkaBroker broker;
    static DatabaseServer database;
    static RegistryServer registry;
    static HubContext hub;

    @BeforeAll
    static void start() {
        ReliabilitySupport.quietKafkaLogs();
        broker = EmbeddedKafkaBroker.start(new HubKafkaProperties.Embedded(dir.resolve("kafka"), "127.0.0.1",
                ReliabilitySupport.freePort(), ReliabilitySupport.freePort()));
        database = new DatabaseServer(dir.resolve("db")).start();
        registry = new RegistryServer(broker.bootstrapServers()).start();
        List<String> arguments = new ArrayList<>(List.of(
                "--hub.kafka.brokers=" + broker.bootstrapServers(),
                "--hub.kafka.cluster-size=1",
                "--hub.schema-registry.url=" + registry.url()));
        arguments.addAll(database.hubArguments());
        hub = ReliabilitySupport.startHub(dir.resolve("hub"), arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (database != null) {
            database.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void messagesSentWhileTheDatabaseIsAwayAreDeliveredExactlyOnceWhenItIsBackAndNoneIsDeadLettered() {
        long deadLettersBefore = deadLetters();
        Ledger ledger = new Ledger();
        HttpEdge edge = hub.edge();
        List<CaseScript> kafkaCases = ReliabilitySupport.teamReports("db-outage-kafka", 150, 41);
        List<CaseScript> httpCases = ReliabilitySupport.conversations("db-outage-http", 100, 42);
        try (HttpTraffic http = new HttpTraffic(edge, ledger, 4, GIVE_UP_AFTER);
                KafkaTraffic kafka = new KafkaTraffic(broker.bootstrapServers(), hub.bean(SchemaRegistryClient.class),
                        ledger, 10, GIVE_UP_AFTER)) {
            http.start(httpCases);
            kafka.start(kafkaCases);
            await().atMost(Duration.ofMinutes(1)).until(() -> ledger.acknowledgedCount() >= 200);
            database.stop();
            int acknowledgedAtStop = ledger.acknowledgedCount();
            // the database stays away for OUTAGE, and all that time nothing may be dead-lettered
            await().during(OUTAGE).atMost(OUTAGE.plusSeconds(30)).until(() -> deadLetters() == deadLettersBefore);
            int acknowledgedDuringOutage = ledger.acknowledgedCount() - acknowledgedAtStop;
            database.start();
            await().atMost(GIVE_UP_AFTER).until(() -> http.finished() && kafka.finished());
            log.info("Database outage: {} acknowledged before it, {} during it (Kafka partners), {} in all, {} resent",
                    acknowledgedAtStop, acknowledgedDuringOutage, ledger.acknowledgedCount(), ledger.resends());
        }

        assertThat(ledger.rejected()).isEmpty();
        assertThat(ReliabilitySupport.awaitDelivery(ledger, edge, broker.bootstrapServers(), GIVE_UP_AFTER, true))
                .isEqualTo(DeliveryReport.exactlyOnce(ledger.acknowledgedCount()));
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    @Test
    void messagesWithASchemaTheHubHasNotSeenWaitForTheRegistryAndAreDeliveredExactlyOnceWhenItIsBack() throws Exception {
        long deadLettersBefore = deadLetters();
        Ledger ledger = new Ledger();
        HttpEdge edge = hub.edge();
        List<CaseScript> upgraded = ReliabilitySupport.teamReports("registry-outage-kafka", 60, 43);
        List<byte[]> newerVersion = new ArrayList<>();
        SchemaRegistryClient client = SchemaRegistryClients.create(registry.url());
        for (CaseScript c : upgraded) {
            newerVersion.add(writtenWithNewerVersion(client, c.messages().get(0)));
        }
        try (HttpTraffic http = new HttpTraffic(edge, ledger, 4, GIVE_UP_AFTER);
                KafkaProducer<byte[], byte[]> partner = ReliabilitySupport.partnerProducer(broker.bootstrapServers())) {
            http.start(ReliabilitySupport.conversations("registry-outage-http", 100, 44));
            await().atMost(Duration.ofMinutes(1)).until(() -> ledger.acknowledgedCount() >= 100);
            registry.stop();
            int acknowledgedAtStop = ledger.acknowledgedCount();
            for (int i = 0; i < upgraded.size(); i++) {
                HubMessage referral = upgraded.get(i).messages().get(0);
                partner.send(new ProducerRecord<>(ingressTopic(referral.getSender()),
                        referral.getCaseId().getBytes(StandardCharsets.UTF_8), newerVersion.get(i))).get(30, TimeUnit.SECONDS);
                ledger.acknowledged(referral);
            }
            // the registry stays away for OUTAGE, and all that time nothing may be dead-lettered
            await().during(OUTAGE).atMost(OUTAGE.plusSeconds(30)).until(() -> deadLetters() == deadLettersBefore);
            int acknowledgedDuringOutage = ledger.acknowledgedCount() - acknowledgedAtStop;
            registry.start();
            await().atMost(GIVE_UP_AFTER).until(http::finished);
            log.info("Registry outage: {} acknowledged before it, {} during it ({} written with a new schema), {} in all",
                    acknowledgedAtStop, acknowledgedDuringOutage, upgraded.size(), ledger.acknowledgedCount());
        }

        assertThat(ledger.rejected()).isEmpty();
        assertThat(ReliabilitySupport.awaitDelivery(ledger, edge, broker.bootstrapServers(), GIVE_UP_AFTER, true))
                .isEqualTo(DeliveryReport.exactlyOnce(ledger.acknowledgedCount()));
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    private static long deadLetters() {
        return ReliabilitySupport.recordCount(broker.bootstrapServers(), DEAD_LETTER_TOPIC);
    }

    /**
     * A referral as a team's system upgraded to a newer HubMessage version (one optional field more, at the end)
     * writes it: the new version is registered under the team's ingress subject while the registry is there, and
     * the hub has never looked its id up.
     */
    private static byte[] writtenWithNewerVersion(SchemaRegistryClient client, HubMessage message) {
        Schema current = HubMessage.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("channel", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "How the message was sent. Null when not known.",
                Schema.Field.NULL_DEFAULT_VALUE));
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        String subject = ingressTopic(message.getSender()) + "-value";
        int id = client.register(subject, newer);
        byte[] currentBytes = new AvroWireCodec(client, false, false)
                .encode(ingressTopic(message.getSender()), message);
        byte[] bytes = Arrays.copyOf(currentBytes, currentBytes.length + 1);
        ByteBuffer.wrap(bytes).putInt(1, id);
        bytes[bytes.length - 1] = 0; // the new field's union branch: null
        return bytes;
    }
}
