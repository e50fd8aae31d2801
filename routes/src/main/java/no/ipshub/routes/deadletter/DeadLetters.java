package no.ipshub.routes.deadletter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;

/** Builds {@link DeadLetter} records from failed Kafka records. */
public final class DeadLetters {

    /** How much of an oversized message a dead letter keeps: enough to identify it, not enough to hurt. */
    public static final int KEPT_BYTES_OF_OVERSIZED = 64 * 1024;
    /** How much of a record's key a dead letter keeps (and is keyed by): far more than any case id. */
    public static final int KEPT_BYTES_OF_KEY = 1024;

    private DeadLetters() {
    }

    /**
     * A dead letter holding the record's value byte for byte, and its key up to {@value #KEPT_BYTES_OF_KEY} bytes.
     *
     * @param partner   the partner whose ingress it came through, or null
     * @param messageId the message id when the value could be decoded, or null
     */
    public static DeadLetter of(ConsumedRecord record, String routeId, String partner, String messageId,
            DeadLetterReason reasonCode, String reason, Instant now) {
        return build(record, record.value(), routeId, partner, messageId, reasonCode, reason, now);
    }

    /** A MESSAGE_TOO_LARGE dead letter that keeps only the first {@value #KEPT_BYTES_OF_OVERSIZED} bytes. */
    public static DeadLetter tooLarge(ConsumedRecord record, String routeId, String partner, int limit, Instant now) {
        byte[] value = record.value();
        byte[] kept = Arrays.copyOf(value, Math.min(value.length, KEPT_BYTES_OF_OVERSIZED));
        String reason = "message of " + value.length + " bytes exceeds the limit of " + limit
                + " bytes (hub.ingress.max-message-bytes); originalValue keeps only its first " + kept.length + " bytes";
        return build(record, kept, routeId, partner, null, DeadLetterReason.MESSAGE_TOO_LARGE, reason, now);
    }

    /**
     * A MESSAGE_TOO_LARGE dead letter of a record whose key or headers are over their bounds: it keeps at most the
     * first {@value #KEPT_BYTES_OF_KEY} bytes of the key and {@value #KEPT_BYTES_OF_OVERSIZED} of the value.
     *
     * @param what which bound was exceeded, for the reason
     */
    public static DeadLetter oversized(ConsumedRecord record, String routeId, String partner, String what, Instant now) {
        byte[] value = record.value();
        byte[] kept = value == null ? null : Arrays.copyOf(value, Math.min(value.length, KEPT_BYTES_OF_OVERSIZED));
        return build(record, kept, routeId, partner, null, DeadLetterReason.MESSAGE_TOO_LARGE, what, now);
    }

    /** The dead-letter reason of a record that could not be decoded. */
    public static DeadLetterReason reasonOf(WireFormatException failure) {
        return switch (failure.kind()) {
            case WRONG_MAGIC_BYTE -> DeadLetterReason.WRONG_MAGIC_BYTE;
            case UNKNOWN_SCHEMA_ID -> DeadLetterReason.UNKNOWN_SCHEMA_ID;
            default -> DeadLetterReason.MALFORMED_AVRO;
        };
    }

    /**
     * The dead-letter reason of a record whose value could not be decoded. A transient failure (a dependency
     * away) is no reason: it is thrown on, so that the batch is read again.
     *
     * @throws TransientFailureException when {@code failure} is transient
     */
    public static DeadLetterReason reasonOfDecodeFailure(ConsumedRecord record, RuntimeException failure) {
        if (FailureClassifier.isTransient(failure)) {
            throw new TransientFailureException("cannot decode " + record.position() + " now", failure);
        }
        return failure instanceof WireFormatException w ? reasonOf(w) : DeadLetterReason.MALFORMED_AVRO;
    }

    /** The failed record's key as the dead letter keeps it; null when it had none. */
    public static byte[] originalKey(DeadLetter letter) {
        return bytes(letter.getOriginalKey());
    }

    /** The failed record's value as the dead letter keeps it; null when it had none. */
    public static byte[] originalValue(DeadLetter letter) {
        return bytes(letter.getOriginalValue());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static DeadLetter build(ConsumedRecord record, byte[] value, String routeId, String partner,
            String messageId, DeadLetterReason reasonCode, String reason, Instant now) {
        return DeadLetter.newBuilder()
                .setDeadLetterId(UUID.randomUUID().toString())
                .setOriginalKey(record.key() == null ? null
                        : ByteBuffer.wrap(Arrays.copyOf(record.key(), Math.min(record.key().length, KEPT_BYTES_OF_KEY))))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setRouteId(routeId)
                .setPartner(partner)
                .setMessageId(messageId)
                .setReasonCode(reasonCode)
                .setReason(reason)
                .setFirstFailureAt(now)
                .setLastFailureAt(now)
                .setAttempts(1)
                .build();
    }
}
