package no.ipshub.engine.kafka;

import java.util.HashMap;
import java.util.Map;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Makes the hub's Kafka clients, each with the cluster's connection and security settings
 * ({@link KafkaClientSettings}) and what every client of its kind needs on hub topics:
 *
 * <ul>
 *   <li>consumers read only committed records ({@code isolation.level=read_committed}: routes write
 *       transactionally, and an aborted batch must never be seen) and never commit offsets by themselves;</li>
 *   <li>producers are idempotent with {@code acks=all}: a record acknowledged is on every in-sync replica, once;</li>
 *   <li>transactional producers add their transactional id;</li>
 *   <li>every client is named by its caller, so its metrics and the broker's logs say what it is for.</li>
 * </ul>
 *
 * What a client needs beyond that (poll sizes, fetch waits, time-outs, a group, where to start) its caller passes as
 * overrides, which win over everything here.
 */
public final class HubKafkaClients {

    private final KafkaClientSettings settings;

    public HubKafkaClients(KafkaClientSettings settings) {
        this.settings = settings;
    }

    /** The cluster these clients talk to. */
    public KafkaClientSettings settings() {
        return settings;
    }

    /** A consumer of hub topics with byte-array keys and values. */
    public KafkaConsumer<byte[], byte[]> consumer(String clientId, Map<String, ?> overrides) {
        return consumer(clientId, new ByteArrayDeserializer(), new ByteArrayDeserializer(), overrides);
    }

    /** A consumer of hub topics. */
    public <K, V> KafkaConsumer<K, V> consumer(String clientId, Deserializer<K> keys, Deserializer<V> values,
            Map<String, ?> overrides) {
        return new KafkaConsumer<>(consumerConfig(clientId, overrides), keys, values);
    }

    /** An idempotent producer with byte-array keys and values. */
    public KafkaProducer<byte[], byte[]> producer(String clientId, Map<String, ?> overrides) {
        return producer(clientId, new ByteArraySerializer(), new ByteArraySerializer(), overrides);
    }

    /** An idempotent producer. */
    public <K, V> KafkaProducer<K, V> producer(String clientId, Serializer<K> keys, Serializer<V> values,
            Map<String, ?> overrides) {
        return new KafkaProducer<>(producerConfig(clientId, overrides), keys, values);
    }

    /** A transactional producer with byte-array keys and values; the caller initialises its transactions. */
    public KafkaProducer<byte[], byte[]> transactionalProducer(String clientId, String transactionalId,
            Map<String, ?> overrides) {
        return new KafkaProducer<>(transactionalProducerConfig(clientId, transactionalId, overrides),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** An admin client. */
    public Admin admin(String clientId, Map<String, ?> overrides) {
        return Admin.create(adminConfig(clientId, overrides));
    }

    Map<String, Object> consumerConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = common(clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(overrides);
        return config;
    }

    Map<String, Object> producerConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = common(clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putAll(overrides);
        return config;
    }

    Map<String, Object> transactionalProducerConfig(String clientId, String transactionalId,
            Map<String, ?> overrides) {
        Map<String, Object> transactional = new HashMap<>();
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        transactional.putAll(overrides);
        return producerConfig(clientId, transactional);
    }

    Map<String, Object> adminConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = common(clientId);
        config.putAll(overrides);
        return config;
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> config = settings.commonProperties();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
