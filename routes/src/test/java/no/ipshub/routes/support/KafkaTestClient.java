package no.ipshub.routes.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What an integration test does with Kafka as a partner or an operator would: produce raw bytes to a topic,
 * look for a record on a topic (committed records only, as every reader of the hub's topics should read), read
 * a consumer group's committed offsets.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final KafkaClientSettings settings;
    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaTestClient(KafkaClientSettings settings) {
        this.settings = settings;
        Map<String, Object> config = settings.commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // large enough for the oversized-message test; the ingress topics accept 16 MB
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Produces one record and waits for the broker's acknowledgement. */
    public RecordMetadata send(String topic, byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** Produces many records and waits until all are acknowledged. */
    public void sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        records.forEach(producer::send);
        producer.flush();
    }

    /** Produces the records in order; the future completes with each one's metadata once all are acknowledged. */
    public java.util.concurrent.CompletableFuture<List<RecordMetadata>> sendEach(
            List<ProducerRecord<byte[], byte[]>> records) {
        List<java.util.concurrent.CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            java.util.concurrent.CompletableFuture<RecordMetadata> ack = new java.util.concurrent.CompletableFuture<>();
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(metadata);
                }
            });
            acks.add(ack);
        }
        producer.flush();
        return java.util.concurrent.CompletableFuture.allOf(acks.toArray(java.util.concurrent.CompletableFuture[]::new))
                .thenApply(done -> acks.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    }

    /** The first record on {@code topic} (read from its beginning) that matches, if it arrives within {@code timeout}. */
    public Optional<ConsumerRecord<byte[], byte[]>> find(String topic, Predicate<ConsumerRecord<byte[], byte[]>> match,
            Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> found = findAll(topic, match, 1, timeout);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The records on {@code topic} that match, reading from the beginning until {@code atLeast} matched or
     * {@code timeout} passed; then reads on for a short while, so that an unexpected extra match shows.
     */
    public List<ConsumerRecord<byte[], byte[]>> findAll(String topic, Predicate<ConsumerRecord<byte[], byte[]>> match,
            int atLeast, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
                if (found.size() >= atLeast && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
                }
            }
        }
        return found;
    }

    /** The offsets {@code groupId} has committed, by partition. */
    public Map<TopicPartition, Long> committed(String groupId) {
        try (Admin admin = Admin.create(settings.commonProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((tp, om) -> committed.put(tp, om == null ? 0L : om.offset()));
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + groupId, e);
        }
    }

    /** The end offsets of the topic's partitions. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = Admin.create(settings.commonProperties())) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            result.forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the end offsets of " + topic, e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = settings.commonProperties();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
