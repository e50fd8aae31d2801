package no.ipshub.engine.kafka;

import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.specific.SpecificRecord;

/**
 * The hub's Confluent wire-format codec for its own records. Never registers schemas on the fly: the hub
 * registers its subjects at start-up, so an encode failure means a misconfigured registry, not a new schema.
 */
public class HubWireCodec {

    private final AvroWireCodec codec;

    public HubWireCodec(SchemaRegistryClient registry) {
        this.codec = new AvroWireCodec(registry, false, false);
    }

    /** The record in the wire format, with the schema id registered under {@code <topic>-value}. */
    public byte[] encode(String topic, SpecificRecord record) {
        return codec.encode(topic, record);
    }

    /**
     * {@code message} in the wire format of {@code topic}: the bytes it arrived in when they were written with the
     * schema the topic's subject has for it (the same schema has the same id under every subject), so the common
     * case costs no encoding; otherwise encoded anew.
     */
    public byte[] encodeFor(String topic, HubMessage message, byte[] arrivedAs) {
        int id = AvroWireCodec.schemaIdOf(arrivedAs);
        if (id >= 0 && id == codec.schemaIdFor(topic, HubMessage.getClassSchema())) {
            return arrivedAs;
        }
        return codec.encode(topic, message);
    }

    /**
     * A message read with the hub's current schema from wire-format bytes written with any registered version.
     *
     * @throws WireFormatException with the kind of failure (wrong magic byte, unknown schema id, malformed)
     */
    public HubMessage decodeMessage(byte[] bytes) {
        return codec.decode(bytes, HubMessage.class);
    }
}
