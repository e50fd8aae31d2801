package no.ipshub.log.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
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
import org.springframework.stereotype.Component;

/** Kafka helpers of the integration tests: send canonical messages as the hub does, read a topic from the start. */
@Component
public class LogKafka {

    private final KafkaClientSettings kafka;
    private final HubTopics topics;
    private final HubWireCodec codec;

    public LogKafka(KafkaClientSettings kafka, HubTopics topics, HubWireCodec codec) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
    }

    /** Sends each message to its canonical topic, keyed by case id, in the wire format, and waits for the acks. */
    public void send(HubMessage... messages) {
        Map<String, Object> config = kafka.commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (HubMessage m : messages) {
                String topic = topics.canonicalFor(m);
                producer.send(new ProducerRecord<>(topic, m.getCaseId().getBytes(StandardCharsets.UTF_8),
                        codec.encode(topic, m))).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send test messages", e);
        }
    }

    /** Sends a record of arbitrary bytes (not necessarily a message) to the topic, keyed by case id, and waits for the ack. */
    public void sendRaw(String topic, String caseId, byte[] value) {
        Map<String, Object> config = kafka.commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, caseId.getBytes(StandardCharsets.UTF_8), value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send a test record", e);
        }
    }

    /** Every record of the topic, from the beginning to its current end, as a plain consumer sees it. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config = kafka.commonProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** True when the group has committed, on every partition of the canonical topics, the partition's end offset. */
    public boolean groupCaughtUp(String groupId) {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            ListConsumerGroupOffsetsResult committed = admin.listConsumerGroupOffsets(groupId);
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics.canonicalTopics()) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                    || (offsets.get(p) != null && offsets.get(p).offset() == ends.get(p).offset()));
        } catch (Exception e) {
            throw new IllegalStateException("could not read consumer group offsets", e);
        }
    }
}
