package no.ipshub.operations.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;

/**
 * A dead letter as the index stores it, taken from a {@link DeadLetter} record (or, when even that record cannot
 * be read, from its raw bytes).
 *
 * @param deadLetterId    the record's own id; the index remembers it so that it is never counted twice
 * @param partner         the partner it came through; null when not known
 * @param reasonCode      the reason code
 * @param reason          the readable reason
 * @param messageId       the message id; null when not known
 * @param routeId         the route that failed it
 * @param sourceTopic     where the failed record was read
 * @param sourcePartition its partition
 * @param sourceOffset    its offset
 * @param firstFailureAt  when it first failed
 * @param lastFailureAt   when it last failed
 * @param attempts        how many times it was tried
 * @param originalKey     the failed record's key; null when it had none
 * @param originalValue   the failed record's value; null when it had none
 */
public record IndexedDeadLetter(
        String deadLetterId,
        String partner,
        String reasonCode,
        String reason,
        String messageId,
        String routeId,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        Instant firstFailureAt,
        Instant lastFailureAt,
        int attempts,
        byte[] originalKey,
        byte[] originalValue) {

    /** Longest message id kept; a malformed message may carry anything there. */
    static final int MAX_MESSAGE_ID = 100;

    /** The index form of a decoded dead letter. */
    public static IndexedDeadLetter of(DeadLetter letter) {
        return new IndexedDeadLetter(
                letter.getDeadLetterId(),
                letter.getPartner(),
                (letter.getReasonCode() == null ? DeadLetterReason.UNKNOWN : letter.getReasonCode()).name(),
                letter.getReason() == null ? "" : letter.getReason(),
                truncate(letter.getMessageId()),
                letter.getRouteId(),
                letter.getSourceTopic(),
                letter.getSourcePartition(),
                letter.getSourceOffset(),
                letter.getFirstFailureAt(),
                letter.getLastFailureAt() == null ? letter.getFirstFailureAt() : letter.getLastFailureAt(),
                Math.max(1, letter.getAttempts()),
                bytes(letter.getOriginalKey()),
                bytes(letter.getOriginalValue()));
    }

    /**
     * A dead-letter record that itself cannot be decoded: kept whole, so nothing is lost, under an id derived
     * from its position so that reading it again finds the same row.
     */
    public static IndexedDeadLetter unreadable(ConsumedRecord record, String routeId, WireFormatException.Kind kind,
            Instant now) {
        String id = UUID.nameUUIDFromBytes(record.position().getBytes(StandardCharsets.UTF_8)).toString();
        return new IndexedDeadLetter(id, null, DeadLetterReason.UNKNOWN.name(),
                "the dead-letter record itself could not be decoded (" + kind + "); its raw bytes are kept",
                null, routeId, record.topic(), record.partition(), record.offset(), now, now, 1,
                record.key(), record.value());
    }

    /** SHA-256 of the original value in hex: the same bytes failing again update the same row. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(originalValue == null ? new byte[0] : originalValue));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** How many bytes of the original value are kept. */
    public int originalSize() {
        return originalValue == null ? 0 : originalValue.length;
    }

    private static String truncate(String messageId) {
        return messageId == null || messageId.length() <= MAX_MESSAGE_ID ? messageId : messageId.substring(0, MAX_MESSAGE_ID);
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
}
