package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.error.DependencyProbe;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * A route that keeps failing on one record. The route copies records from an input topic to an output topic and
 * fails on records keyed "poison" (a fault of its own) or "stubborn" (a failure that looks transient but follows
 * the record). Expected: the batch is split until the one record is found, that record alone goes to the
 * quarantine topic (once), every other record reaches the output topic exactly once, and the partition moves on.
 * While the route's dependency probe fails (an outage), nothing is quarantined; the records wait.
 */
class PoisonRecordIT {

    private static final int RECORDS = 300;
    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaClientSettings kafka;

    private final List<CamelContext> instances = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        EmbeddedKafkaTestConfiguration support = new EmbeddedKafkaTestConfiguration();
        broker = support.embeddedKafka();
        kafka = support.kafkaClientSettings(broker);
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
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void transactionalRouteQuarantinesTheRecordItFailsOnAndCopiesEveryOtherOnce() throws Exception {
        Topics t = topics();
        start(t, true, () -> { }, new AtomicBoolean(false));

        produce(t.in(), "poison", 150);

        await().atMost(Duration.ofSeconds(60)).until(() -> keysOn(t.quarantine()).size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> keysOn(t.out()).size() >= RECORDS - 1);
        assertThat(keysOn(t.quarantine())).containsExactly("poison");
        assertThat(keysOn(t.out())).hasSize(RECORDS - 1).doesNotHaveDuplicates().doesNotContain("poison");
    }

    @Test
    void plainRouteQuarantinesTheRecordItFailsOnAndCopiesEveryOther() throws Exception {
        Topics t = topics();
        start(t, false, () -> { }, new AtomicBoolean(false));

        produce(t.in(), "poison", 10);

        await().atMost(Duration.ofSeconds(60)).until(() -> keysOn(t.quarantine()).size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> Set.copyOf(keysOn(t.out())).size() >= RECORDS - 1);
        assertThat(keysOn(t.out())).doesNotContain("poison");
    }

    /* The failure looks like an outage (transient) but follows one record while the dependencies answer. */
    @Test
    void recordThatFailsTransientlyAgainAndAgainWhileTheDependenciesAnswerIsQuarantined() throws Exception {
        Topics t = topics();
        start(t, true, () -> { }, new AtomicBoolean(false));

        produce(t.in(), "stubborn", 290);

        await().atMost(Duration.ofSeconds(90)).until(() -> keysOn(t.quarantine()).size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> keysOn(t.out()).size() >= RECORDS - 1);
        assertThat(keysOn(t.out())).hasSize(RECORDS - 1).doesNotHaveDuplicates();
    }

    /* During an outage every record fails transiently and the probe fails: nothing may be quarantined. */
    @Test
    void outageQuarantinesNothingAndEveryRecordIsCopiedOnceItEnds() throws Exception {
        Topics t = topics();
        AtomicBoolean outage = new AtomicBoolean(true);
        start(t, true, () -> {
            if (outage.get()) {
                throw new IllegalStateException("database away");
            }
        }, outage);

        produce(t.in(), "none", 0);
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);
        assertThat(keysOn(t.quarantine())).isEmpty();
        outage.set(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> keysOn(t.out()).size() >= RECORDS);
        assertThat(keysOn(t.out())).hasSize(RECORDS).doesNotHaveDuplicates();
        assertThat(keysOn(t.quarantine())).isEmpty();
    }

    private record Topics(String in, String out, String quarantine) {
    }

    private static Topics topics() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics t = new Topics("poison-in-" + run, "poison-out-" + run, "poison-quarantine-" + run);
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.createTopics(List.of(new NewTopic(t.in(), 2, (short) 1), new NewTopic(t.out(), 1, (short) 1),
                    new NewTopic(t.quarantine(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return t;
    }

    /** Writes {@value #RECORDS} records to partition 0, the one keyed {@code special} at {@code at}. */
    private static void produce(String topic, String special, int at) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.commonProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String key = i == at ? special : "key-" + i;
                producer.send(new ProducerRecord<>(topic, 0, key.getBytes(StandardCharsets.UTF_8), new byte[] {1}));
            }
        }
    }

    private void start(Topics t, boolean transactional, DependencyProbe probe, AtomicBoolean outage) throws Exception {
        ConsumerProperties consumer = new ConsumerProperties(1, 1, 500, Duration.ofMillis(50), Duration.ofSeconds(6),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        ProducerProperties producerProperties = new ProducerProperties(5, 131_072, "none", 4_194_304,
                Duration.ofSeconds(30));
        Map<String, Object> config = new HashMap<>(kafka.commonProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        HubProducer plain = new HubProducer(new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer()), Duration.ofSeconds(30));
        closeables.add(plain);
        Quarantine quarantine = (routeId, record, failure, attempts) ->
                new ProducerRecord<>(t.quarantine(), record.key(), record.value());
        BatchConsumerComponent component = new BatchConsumerComponent(new HubKafkaClients(kafka), consumer,
                producerProperties,
                new RetryProperties(Duration.ofMillis(50), 2.0, Duration.ofMillis(500), 5), plain,
                new InstanceIdentity("poison-" + t.in()), quarantine);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent(BatchConsumerComponent.SCHEME, component);
        BatchConsumerSpec spec = transactional
                ? BatchConsumerSpec.transactional("copy", "group-" + t.in(), Pattern.compile(Pattern.quote(t.in())), 2,
                        null, null)
                : BatchConsumerSpec.plain("copy", "group-" + t.in(), List.of(t.in()));
        String uri = component.endpointUri(spec.withProbe(probe));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("copy").errorHandler(noErrorHandler()).process(exchange -> {
                    RecordBatch batch = exchange.getMessage().getBody(RecordBatch.class);
                    if (outage.get() && !batch.records().isEmpty()) {
                        throw new TransientFailureException("database away", null);
                    }
                    for (ConsumedRecord record : batch.records()) {
                        String key = new String(record.key(), StandardCharsets.UTF_8);
                        if (key.equals("poison")) {
                            throw new IllegalStateException("cannot copy this one");
                        }
                        if (key.equals("stubborn")) {
                            throw new TransientFailureException("times out on this one", null);
                        }
                        batch.output().send(new ProducerRecord<>(t.out(), record.key(), record.value()));
                    }
                });
            }
        });
        camel.start();
        instances.add(camel);
    }

    private static List<String> keysOn(String topic) {
        Map<String, Object> config = new HashMap<>(kafka.commonProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
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
}
