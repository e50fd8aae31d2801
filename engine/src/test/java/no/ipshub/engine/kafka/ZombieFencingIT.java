package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/*
 * A stale instance is fenced. Two instances of a transactional route share a consumer group; the first one hangs
 * in its first batch longer than max.poll.interval.ms, so the group moves its partition to the second, which
 * processes the same records. When the first one wakes up it has already written its outputs inside its
 * transaction; committing them with its offsets must fail, because its group generation is stale.
 * Expected: every input record is on the output topic exactly once for a read_committed reader, while a
 * read_uncommitted reader sees the stale instance's aborted writes too (so the fencing really happened).
 */
class ZombieFencingIT {

    private static final int RECORDS = 200;
    private static EmbeddedKafkaKraftBroker broker;

    private final List<CamelContext> instances = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaTestConfiguration().embeddedKafka();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopInstances() throws Exception {
        for (CamelContext instance : instances) {
            instance.stop();
        }
    }

    private static KafkaClientSettings settings(Map<String, Object> extra) {
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public Map<String, Object> commonProperties() {
                Map<String, Object> common = new HashMap<>(extra);
                common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
                return common;
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }

    /** One instance of a route copying {@code in} to {@code out} record by record, in transactions. */
    private void startInstance(String name, String in, String out, AtomicBoolean hangOnce, AtomicBoolean woke)
            throws Exception {
        KafkaClientSettings kafka = settings(Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2_000));
        ProducerProperties producer = new ProducerProperties(5, 131_072, "none", 4_194_304, Duration.ofSeconds(30));
        BatchConsumerComponent component = new BatchConsumerComponent(new HubKafkaClients(kafka),
                new ConsumerProperties(1, 1, 50, Duration.ofMillis(50), Duration.ofSeconds(6), Duration.ofSeconds(10),
                        Duration.ofSeconds(10)),
                producer, new RetryProperties(Duration.ofMillis(50), 2.0, Duration.ofMillis(500), 5), null,
                new InstanceIdentity(name), null);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent(BatchConsumerComponent.SCHEME, component);
        String uri = component.endpointUri(BatchConsumerSpec.transactional("copy", "fence-group",
                Pattern.compile(Pattern.quote(in)), 2, null, null));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("copy").errorHandler(noErrorHandler()).process(exchange -> {
                    RecordBatch batch = exchange.getMessage().getBody(RecordBatch.class);
                    for (var record : batch.records()) {
                        batch.output().send(new ProducerRecord<>(out, record.key(), record.value()));
                    }
                    if (!batch.records().isEmpty() && hangOnce.compareAndSet(true, false)) {
                        TimeUnit.SECONDS.sleep(6);
                        woke.set(true);
                    }
                });
            }
        });
        camel.start();
        instances.add(camel);
    }

    /** How many members of the group hold partitions. */
    private static long membersWithPartitions() throws Exception {
        try (Admin admin = Admin.create(settings(Map.of()).commonProperties())) {
            return admin.describeConsumerGroups(List.of("fence-group")).all().get(10, TimeUnit.SECONDS)
                    .get("fence-group").members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private static List<String> keysOn(String topic, String isolation) {
        Map<String, Object> config = settings(Map.of()).commonProperties();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(new String(r.key(), StandardCharsets.UTF_8));
                }
            }
        }
        return keys;
    }

    @Test
    void recordsOfAStaleInstanceAreCommittedOnlyByTheInstanceThatTookOverItsPartition() throws Exception {
        try (Admin admin = Admin.create(settings(Map.of()).commonProperties())) {
            admin.createTopics(List.of(new NewTopic("fence-in", 2, (short) 1), new NewTopic("fence-out", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        AtomicBoolean stale = new AtomicBoolean(true);
        AtomicBoolean woke = new AtomicBoolean(false);
        startInstance("stale", "fence-in", "fence-out", stale, woke);
        startInstance("healthy", "fence-in", "fence-out", new AtomicBoolean(false), new AtomicBoolean(false));
        await().atMost(Duration.ofSeconds(60)).until(() -> membersWithPartitions() == 2);

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings(Map.of()).commonProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] key = ("key-" + i).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>("fence-in", i % 2, key, key));
            }
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> woke.get() && keysOn("fence-out", "read_committed").size() >= RECORDS);
        // the stale instance tries to commit right after it woke; its records must never become visible
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> keysOn("fence-out", "read_committed").size() == RECORDS);
        List<String> committed = keysOn("fence-out", "read_committed");
        List<String> written = keysOn("fence-out", "read_uncommitted");

        assertThat(committed).hasSize(RECORDS).doesNotHaveDuplicates();
        assertThat(written.size()).isGreaterThan(RECORDS);
    }
}
