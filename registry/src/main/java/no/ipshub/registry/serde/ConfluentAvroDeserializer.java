package no.ipshub.registry.serde;

import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} reading Avro in the Confluent wire format, configured with the keys of
 * Confluent's {@code KafkaAvroDeserializer}: {@code schema.registry.url} (required unless a client is
 * given) and {@code specific.avro.reader} (default false: records come back as {@code GenericRecord};
 * true: as the generated class named by the writer's schema, read through schema resolution). Null
 * bytes (a tombstone) give null. Failures are {@link WireFormatException}s naming what was wrong.
 */
public class ConfluentAvroDeserializer implements Deserializer<Object> {

    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";

    private final SchemaRegistryClient givenClient;
    private AvroWireCodec codec;
    private boolean specific;

    /** For Kafka to create by class name; {@link #configure} supplies the registry. */
    public ConfluentAvroDeserializer() {
        this.givenClient = null;
    }

    /** Uses {@code client} whatever the configuration says about URLs. */
    public ConfluentAvroDeserializer(SchemaRegistryClient client) {
        this.givenClient = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.codec = new AvroWireCodec(SerdeConfig.client(configs, givenClient), false, false);
        this.specific = SerdeConfig.flag(configs, SPECIFIC_AVRO_READER_CONFIG, false);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (codec == null) {
            throw new IllegalStateException("ConfluentAvroDeserializer used before configure()");
        }
        return codec.decodeObject(data, specific);
    }
}
