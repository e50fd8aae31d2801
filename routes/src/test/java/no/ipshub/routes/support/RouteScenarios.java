package no.ipshub.routes.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The steps route tests are made of: a partner producing a message to its ingress topic, and looking for a
 * message on a canonical or inbox topic, or for a dead letter, by id or by the original key.
 */
public final class RouteScenarios {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka;
    private final HubTopics topics;
    private final AvroWireCodec codec;

    public RouteScenarios(KafkaTestClient kafka, HubTopics topics, SchemaRegistryClient registry) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = new AvroWireCodec(registry, false, false);
    }

    /** The message in the Confluent wire format, as a partner writes it to its ingress topic. */
    public byte[] wireBytes(String partner, HubMessage message) {
        return codec.encode(topics.ingressFor(partner), message);
    }

    /** {@code partner} produces the message to its ingress topic, keyed by case id. */
    public void produce(String partner, HubMessage message) {
        produceRaw(partner, message.getCaseId(), wireBytes(partner, message));
    }

    /** {@code partner} produces any bytes to its ingress topic. */
    public void produceRaw(String partner, String key, byte[] value) {
        kafka.send(topics.ingressFor(partner), key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** The record carrying this message id on {@code topic}, if one arrives in time. */
    public Optional<ConsumerRecord<byte[], byte[]>> findMessage(String topic, String messageId) {
        return kafka.find(topic, r -> messageId.equals(messageIdOf(r)), WAIT);
    }

    /** The record carrying this message id on {@code topic}, if one arrives within {@code timeout}. */
    public Optional<ConsumerRecord<byte[], byte[]>> findMessage(String topic, String messageId, Duration timeout) {
        return kafka.find(topic, r -> messageId.equals(messageIdOf(r)), timeout);
    }

    /** How many records carry this message id on {@code topic} once the first has arrived. */
    public int countMessage(String topic, String messageId) {
        return kafka.findAll(topic, r -> messageId.equals(messageIdOf(r)), 1, WAIT).size();
    }

    /** The dead letter of the record produced with this key, if one arrives in time. */
    public Optional<DeadLetter> findDeadLetter(String originalKey) {
        return findDeadLetter(originalKey, WAIT);
    }

    /** The dead letter of the record produced with this key, if one arrives within {@code timeout}. */
    public Optional<DeadLetter> findDeadLetter(String originalKey, Duration timeout) {
        byte[] key = originalKey.getBytes(StandardCharsets.UTF_8);
        return kafka.find(topics.deadLetter(), r -> Arrays.equals(key, r.key()), timeout)
                .map(r -> codec.decode(r.value(), DeadLetter.class));
    }

    /** The message in a record's value. */
    public HubMessage decode(ConsumerRecord<byte[], byte[]> record) {
        return codec.decode(record.value(), HubMessage.class);
    }

    private static String messageIdOf(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("ips-message-id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
