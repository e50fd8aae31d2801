package no.ipshub.registry.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that cannot be read (or a record that cannot be written) in the Confluent wire format, with the
 * {@link Kind} of failure so callers can tell a poison message from a registry outage. Only
 * {@link Kind#REGISTRY_UNAVAILABLE} may pass by itself; every other kind fails the same way on retry.
 */
public class WireFormatException extends SerializationException {

    /** What went wrong. */
    public enum Kind {
        /** The first byte is not the wire format's magic byte 0: not Confluent-framed Avro. */
        WRONG_MAGIC_BYTE,
        /** The schema id is not known to the registry (or the schema is not registered under the subject). */
        UNKNOWN_SCHEMA_ID,
        /** The bytes end before the header or the Avro record does. */
        TRUNCATED,
        /** The Avro body does not decode with the writer's schema, or cannot be read as the requested type. */
        MALFORMED_AVRO,
        /** The schema registry could not be reached or failed on its side; retrying later may succeed. */
        REGISTRY_UNAVAILABLE
    }

    private final Kind kind;

    public WireFormatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WireFormatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
