package no.ipshub.operations.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;

/**
 * A dead letter as the index stores it, taken from a {@link DeadLetter} record (or, when even that record cannot
 * be read, from its raw bytes): the OPEN index entry it makes when it is new, with the failed record's bytes.
 *
 * @param entry         the entry, whose id is the record's own id (the index remembers it so that it is never
 *                      counted twice); the reason code, route, source record, failure times and attempts are
 *                      those the record names
 * @param originalKey   the failed record's key; null when it had none
 * @param originalValue the failed record's value; null when it had none
 */
public record IndexedDeadLetter(DeadLetterEntry entry, byte[] originalKey, byte[] originalValue) {

    /** Longest message id kept; a malformed message may carry anything there. */
    static final int MAX_MESSAGE_ID = 100;

    /** The index form of a decoded dead letter. */
    public static IndexedDeadLetter of(DeadLetter letter) {
        byte[] value = DeadLetters.originalValue(letter);
        return new IndexedDeadLetter(new DeadLetterEntry(
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
                DeadLetterStatus.OPEN, sizeOf(value), 0, null, null, null),
                DeadLetters.originalKey(letter), value);
    }

    /**
     * A dead-letter record that itself cannot be decoded: kept whole, so nothing is lost, under an id derived
     * from its position so that reading it again finds the same row.
     */
    public static IndexedDeadLetter unreadable(ConsumedRecord record, String routeId, WireFormatException.Kind kind,
            Instant now) {
        String id = UUID.nameUUIDFromBytes(record.position().getBytes(StandardCharsets.UTF_8)).toString();
        return new IndexedDeadLetter(new DeadLetterEntry(id, null, DeadLetterReason.UNKNOWN.name(),
                "the dead-letter record itself could not be decoded (" + kind + "); its raw bytes are kept",
                null, routeId, record.topic(), record.partition(), record.offset(), now, now, 1,
                DeadLetterStatus.OPEN, sizeOf(record.value()), 0, null, null, null), record.key(), record.value());
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

    /** The dead-letter record's own id. */
    public String deadLetterId() {
        return entry.id();
    }

    /** How many bytes of the original value are kept. */
    public int originalSize() {
        return sizeOf(originalValue);
    }

    private static int sizeOf(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static String truncate(String messageId) {
        return messageId == null || messageId.length() <= MAX_MESSAGE_ID ? messageId : messageId.substring(0, MAX_MESSAGE_ID);
    }
}
