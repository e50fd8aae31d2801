package no.ipshub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Throughput of Kafka pipelines on the hub's own broker: the raw baseline (two consume-then-produce hops with an
 * idempotent producer, acks=all, offsets committed after the write: at-least-once, no transactions) and the
 * hub's pipeline (partner ingress to canonical topic and recipient inbox, exactly once), with the same records.
 */
final class KafkaPipelines {

    record Keyed(String key, String topic, byte[] value) {
    }

    /** The part of the records' keys that this run's messages share (their keys end in a message number). */
    static String keyPrefixOf(List<Keyed> records) {
        String key = records.get(0).key();
        return key.substring(0, key.lastIndexOf('-') + 1);
    }

    private final String bootstrapServers;

    KafkaPipelines(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Partition count of a topic, so the baseline topics match the hub's. */
    int partitionsOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            return description.partitions().size();
        }
    }

    /**
     * Messages per second through two raw hops {@code in -> mid -> out}, measured from the first send to
     * the last record read on {@code out}.
     */
    double rawPipe(List<Keyed> records, int partitions, String runId) throws Exception {
        String in = "bench.raw-in." + runId;
        String mid = "bench.raw-mid." + runId;
        String out = "bench.raw-out." + runId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(in, partitions, (short) 1), new NewTopic(mid, partitions, (short) 1),
                    new NewTopic(out, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> hops = List.of(hop(in, mid, "bench-hop1-" + runId, running), hop(mid, out, "bench-hop2-" + runId, running));
        try (KafkaConsumer<String, byte[]> counter = positionedAtEnd(List.of(out))) {
            hops.forEach(Thread::start);
            long started = System.nanoTime();
            sendAll(records.stream().map(r -> new Keyed(r.key(), in, r.value())).toList());
            countUntil(counter, records.size(), null);
            double seconds = (System.nanoTime() - started) / 1e9;
            return records.size() / seconds;
        } finally {
            running.set(false);
            for (Thread hop : hops) {
                hop.join(30_000);
            }
        }
    }

    /**
     * Messages per second through the hub: records sent to partner ingress topics, counted when they
     * reach the recipients' inbox topics (keys carry the run id, so only this run's records count).
     */
    double hubPipeline(List<Keyed> records, List<String> inboxTopics, String keyPrefix) throws Exception {
        try (KafkaConsumer<String, byte[]> counter = positionedAtEnd(inboxTopics)) {
            long started = System.nanoTime();
            sendAll(records);
            countUntil(counter, records.size(), keyPrefix);
            double seconds = (System.nanoTime() - started) / 1e9;
            return records.size() / seconds;
        }
    }

    /**
     * Waits until the hub's consumer groups have read everything on their topics (the collaboration log and
     * webhook routes trail the inbox), so that one measurement does not pay for the previous one's backlog.
     * Returns how long that took.
     */
    Duration awaitHubCaughtUp(Duration timeout) throws Exception {
        return awaitGroupCaughtUp("ips-hub", timeout);
    }

    /** Waits until every consumer group whose id starts with {@code groupPrefix} has read everything. */
    Duration awaitGroupCaughtUp(String groupPrefix, Duration timeout) throws Exception {
        return awaitNothingLeft(admin -> lag(admin, groupPrefix), "the hub's routes did not catch up", timeout);
    }

    /**
     * Waits until consumer group {@code group} has committed the end of every partition of {@code topics} (a
     * partition it has not committed yet counts from its beginning).
     */
    void awaitGroupRead(String group, List<String> topics, Duration timeout) throws Exception {
        awaitNothingLeft(admin -> {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            return unread(admin, committedOffsets(admin, group), partitions);
        }, group + " did not read " + topics, timeout);
    }

    /** How many records the broker still counts as unread. */
    private interface Unread {
        long of(Admin admin) throws Exception;
    }

    /** Polls {@code unread} until it is zero; returns how long that took. */
    private Duration awaitNothingLeft(Unread unread, String failure, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (unread.of(admin) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(failure + " within " + timeout);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Records not yet read by the consumer groups starting with {@code groupPrefix}, over all their partitions. The
     * hub commits its consumers' positions, which lie past transaction markers, so a group that has read
     * everything shows none.
     */
    private static long lag(Admin admin, String groupPrefix) throws Exception {
        long lag = 0;
        for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith(groupPrefix)) {
                Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group.groupId());
                lag += unread(admin, committed, committed.keySet());
            }
        }
        return lag;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    }

    /** Records between {@code committed} (the beginning where none is) and the end of each of {@code partitions}. */
    private static long unread(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed,
            Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        long unread = 0;
        for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            unread += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
        }
        return unread;
    }

    private Thread hop(String from, String to, String group, AtomicBoolean running) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(group));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
                consumer.subscribe(List.of(from));
                while (running.get()) {
                    var batch = consumer.poll(Duration.ofMillis(100));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    }
                    producer.flush();
                    consumer.commitSync();
                }
            }
        }, group);
        thread.setDaemon(true);
        return thread;
    }

    void sendAll(List<Keyed> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (Keyed record : records) {
                producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
            }
            producer.flush();
        }
    }

    /** A consumer of {@code topics} that sees only what is committed after this call. */
    KafkaConsumer<String, byte[]> positionedAtEnd(List<String> topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(null));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is sent
        return consumer;
    }

    private static void countUntil(KafkaConsumer<String, byte[]> consumer, int expected, String keyPrefix) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seen < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + expected + " records arrived in 10 minutes");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (keyPrefix == null || (record.key() != null && record.key().startsWith(keyPrefix))) {
                    seen++;
                }
            }
        }
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    private Properties consumerProperties(String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        }
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // the hub's topics are written in transactions: count what a partner reading them would see
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }
}
