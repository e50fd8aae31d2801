package no.ipshub.registry.embedded;

import static no.ipshub.registry.fixtures.TestMessages.GREETING_V1;
import static no.ipshub.registry.fixtures.TestMessages.GREETING_V2;
import static no.ipshub.registry.fixtures.TestMessages.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import no.ipshub.registry.core.RegistryCore.VersionFilter;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.support.KafkaTestBroker;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The embedded registry on a real broker: each test keeps its log in its own topic, starts registry
 * instances on it and checks what survives a restart and what concurrent instances agree on.
 */
class EmbeddedSchemaRegistryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClientSettings kafka = KafkaTestBroker.settings();

    @Test
    void theRegistryTopicIsCreatedCompactedWithOnePartition(TestInfo test) throws Exception {
        String topic = topic(test);
        try (EmbeddedSchemaRegistry registry = start(topic); Admin admin = Admin.create(kafka.commonProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            int partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();

            assertThat(List.of(config.get("cleanup.policy").value(), partitions)).containsExactly("compact", 1);
        }
    }

    /*
     * An instance registers schemas, deletes a version and sets a level, then stops. A new instance on the
     * same topic must answer exactly as the first did.
     */
    @Test
    void idsVersionsDeletionsAndLevelsSurviveARestart(TestInfo test) {
        String topic = topic(test);
        List<Object> before;
        try (EmbeddedSchemaRegistry first = start(topic)) {
            first.setCompatibility("greetings-value", "FULL_TRANSITIVE");
            first.register("greetings-value", schema(GREETING_V1));
            first.register("greetings-value", schema(GREETING_V2));
            first.register("ips.referral-v1-value", HubMessage.getClassSchema());
            first.deleteVersion("greetings-value", 1, false);
            before = view(first);
        }

        try (EmbeddedSchemaRegistry second = start(topic)) {
            assertThat(view(second)).isEqualTo(before);
        }
    }

    @Test
    void aRestartedRegistryHandsOutTheNextFreeId(TestInfo test) {
        String topic = topic(test);
        try (EmbeddedSchemaRegistry first = start(topic)) {
            first.register("greetings-value", schema(GREETING_V1));
        }

        try (EmbeddedSchemaRegistry second = start(topic)) {
            assertThat(second.register("ips.referral-v1-value", HubMessage.getClassSchema())).isEqualTo(2);
        }
    }

    /*
     * Two instances on one topic, two threads each, all starting together: every thread registers the
     * same eight schemas in a shared subject (in its own order) and in a subject of its own. Both
     * instances must end up with one id per schema, the same in every subject, and the same state.
     */
    @Test
    void twoInstancesRegisteringConcurrentlyAgreeOnIds(TestInfo test) throws Exception {
        String topic = topic(test);
        List<Schema> schemas = evolvingSchemas(8);
        try (EmbeddedSchemaRegistry a = start(topic); EmbeddedSchemaRegistry b = start(topic)) {
            a.setCompatibility(null, "NONE");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CyclicBarrier go = new CyclicBarrier(4);
            List<Future<Map<Schema, Integer>>> results = new ArrayList<>();
            EmbeddedSchemaRegistry[] instances = {a, b, a, b};
            for (int t = 0; t < 4; t++) {
                EmbeddedSchemaRegistry registry = instances[t];
                int thread = t;
                results.add(pool.submit((Callable<Map<Schema, Integer>>) () -> {
                    go.await();
                    Map<Schema, Integer> ids = new HashMap<>();
                    for (int i = 0; i < schemas.size(); i++) {
                        Schema s = schemas.get((i + thread * 3) % schemas.size());
                        ids.put(s, registry.register("shared-value", s));
                        registry.register("own-" + thread + "-value", s);
                    }
                    return ids;
                }));
            }
            List<Map<Schema, Integer>> seen = new ArrayList<>();
            for (Future<Map<Schema, Integer>> result : results) {
                seen.add(result.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(view(b, schemas)).isEqualTo(view(a, schemas)));
            assertThat(seen).allSatisfy(ids -> assertThat(ids).isEqualTo(seen.get(0)));
            assertThat(Set.copyOf(seen.get(0).values())).hasSize(schemas.size());
            assertThat(a.getVersions("shared-value")).hasSize(schemas.size());
        }
    }

    @Test
    void aSecondInstanceFindsAnIdTheFirstRegisteredAMomentAgo(TestInfo test) {
        String topic = topic(test);
        try (EmbeddedSchemaRegistry a = start(topic); EmbeddedSchemaRegistry b = start(topic)) {
            int id = a.register("ips.referral-v1-value", HubMessage.getClassSchema());

            assertThat(b.getById(id)).isEqualTo(HubMessage.getClassSchema());
        }
    }

    /*
     * The reader of the registry topic fails once (its poll throws, as a broken connection or a client bug would):
     * it comes back with a new consumer, from where it stopped, a write made meanwhile waits for it, and the
     * listener hears of the failure and the recovery.
     */
    @Test
    void aReaderWhosePollFailedIsRestartedAndWritesGoOn(TestInfo test) {
        String topic = topic(test);
        AtomicBoolean failNextPoll = new AtomicBoolean();
        AtomicInteger consumersMade = new AtomicInteger();
        List<String> heard = new CopyOnWriteArrayList<>();
        EmbeddedSchemaRegistry.ReaderListener listener = new EmbeddedSchemaRegistry.ReaderListener() {
            @Override
            public void running() {
                heard.add("running");
            }

            @Override
            public void failed(Throwable failure, Duration retryIn) {
                heard.add("failed: " + failure.getMessage());
            }

            @Override
            public void stopped() {
                heard.add("stopped");
            }
        };
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka, topic, TIMEOUT, () -> {
            consumersMade.incrementAndGet();
            return new KafkaConsumer<>(readerProperties(topic), new StringDeserializer(), new ByteArrayDeserializer()) {
                @Override
                public ConsumerRecords<String, byte[]> poll(Duration timeout) {
                    if (failNextPoll.getAndSet(false)) {
                        throw new KafkaException("the connection to the broker broke");
                    }
                    return super.poll(timeout);
                }
            };
        }, listener)) {
            registry.start();
            int greeting = registry.register("greetings-value", schema(GREETING_V1));

            failNextPoll.set(true);
            await().atMost(TIMEOUT).until(() -> !failNextPoll.get());
            int referral = registry.register("ips.referral-v1-value", HubMessage.getClassSchema());

            assertThat(registry.getById(referral)).isEqualTo(HubMessage.getClassSchema());
            assertThat(registry.getById(greeting)).isEqualTo(schema(GREETING_V1));
            assertThat(consumersMade.get()).isEqualTo(2);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard)
                    .startsWith("running", "failed: the connection to the broker broke", "running"));
        }
    }

    private Map<String, Object> readerProperties(String topic) {
        Map<String, Object> properties = kafka.commonProperties();
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader-" + topic);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private EmbeddedSchemaRegistry start(String topic) {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka, topic, TIMEOUT);
        registry.start();
        return registry;
    }

    private static String topic(TestInfo test) {
        return "_schemas-" + test.getTestMethod().orElseThrow().getName();
    }

    /** What a client sees of the registry: subjects, their versions with ids, and levels. */
    private static List<Object> view(EmbeddedSchemaRegistry registry) {
        List<Object> view = new ArrayList<>();
        view.add(registry.globalLevel());
        for (String subject : registry.subjects(VersionFilter.INCLUDE_DELETED)) {
            view.add(subject + " " + registry.subjectLevel(subject));
            for (int version : registry.versions(subject, VersionFilter.INCLUDE_DELETED)) {
                SubjectVersion v = registry.getVersion(subject, version, true);
                view.add(List.of(subject, v.version(), v.id(), v.schema().toString(), registry.getVersions(subject).contains(version)));
            }
        }
        return view;
    }

    private static List<Object> view(EmbeddedSchemaRegistry registry, List<Schema> schemas) {
        List<Object> view = view(registry);
        for (Schema s : schemas) {
            view.add(registry.getId("shared-value", s));
        }
        return view;
    }

    private static List<Schema> evolvingSchemas(int count) {
        List<Schema> schemas = new ArrayList<>();
        StringBuilder fields = new StringBuilder("{\"name\":\"text\",\"type\":\"string\"}");
        for (int i = 0; i < count; i++) {
            schemas.add(new Schema.Parser().parse(
                    "{\"type\":\"record\",\"name\":\"Greeting\",\"fields\":[" + fields + "]}"));
            fields.append(",{\"name\":\"f").append(i).append("\",\"type\":\"int\",\"default\":0}");
        }
        return schemas;
    }
}
