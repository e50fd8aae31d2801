package no.ipshub.registry.serde;

import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing Avro in the Confluent wire format, configured with the keys of
 * Confluent's {@code KafkaAvroSerializer}: {@code schema.registry.url} (required unless a client is
 * given), {@code auto.register.schemas} (default true) and {@code use.latest.version} (default false).
 * Subjects follow the TopicNameStrategy: {@code <topic>-value}, or {@code <topic>-key} for keys.
 * A null value is written as null (a tombstone).
 *
 * <p>Inside the hub, {@value #SCHEMA_REGISTRY_CLIENT_CONFIG} may carry a {@link SchemaRegistryClient}
 * instance instead of a URL, so the embedded registry is used in-process.
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
    public static final String SCHEMA_REGISTRY_CLIENT_CONFIG = "ipshub.schema.registry.client";

    private final SchemaRegistryClient givenClient;
    private AvroWireCodec codec;
    private boolean isKey;

    /** For Kafka to create by class name; {@link #configure} supplies the registry. */
    public ConfluentAvroSerializer() {
        this.givenClient = null;
    }

    /** Uses {@code client} whatever the configuration says about URLs. */
    public ConfluentAvroSerializer(SchemaRegistryClient client) {
        this.givenClient = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.codec = new AvroWireCodec(SerdeConfig.client(configs, givenClient),
                SerdeConfig.flag(configs, AUTO_REGISTER_SCHEMAS_CONFIG, true),
                SerdeConfig.flag(configs, USE_LATEST_VERSION_CONFIG, false));
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (codec == null) {
            throw new IllegalStateException("ConfluentAvroSerializer used before configure()");
        }
        return codec.encodeForSubject(topic + (isKey ? "-key" : "-value"), data);
    }
}
