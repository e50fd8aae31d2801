package no.ipshub.routes.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.registry.serde.WireFormatException.Kind;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private static ConsumedRecord record(byte[] value) {
        return new ConsumedRecord("ips.ingress.haukeland-tsb-v1", 1, 42L, "case-1".getBytes(), value);
    }

    @Test
    void oversizedMessageKeepsOnlyItsFirst64KiB() {
        DeadLetter letter = DeadLetters.tooLarge(record(new byte[3_000_000]), "partner-ingress", "haukeland-tsb", 1_048_576, NOW);

        assertThat(letter.getOriginalValue().remaining()).isEqualTo(65_536);
    }

    @Test
    void oversizedMessageReasonSaysHowLargeItWasAndWhatWasKept() {
        DeadLetter letter = DeadLetters.tooLarge(record(new byte[3_000_000]), "partner-ingress", "haukeland-tsb", 1_048_576, NOW);

        assertThat(letter.getReason()).isEqualTo("message of 3000000 bytes exceeds the limit of 1048576 bytes"
                + " (hub.ingress.max-message-bytes); originalValue keeps only its first 65536 bytes");
    }

    @Test
    void deadLetterKeepsKeyValueAndSourcePosition() {
        byte[] value = {1, 2, 3};

        DeadLetter letter = DeadLetters.of(record(value), "partner-ingress", "haukeland-tsb", null,
                DeadLetterReason.WRONG_MAGIC_BYTE, "not the wire format", NOW);

        assertThat(letter).extracting(DeadLetter::getOriginalKey, DeadLetter::getOriginalValue, DeadLetter::getSourcePartition,
                DeadLetter::getSourceOffset).containsExactly(ByteBuffer.wrap("case-1".getBytes()), ByteBuffer.wrap(value), 1, 42L);
    }

    @Test
    void wrongMagicByteKeepsItsReason() {
        assertThat(DeadLetters.reasonOf(new WireFormatException(Kind.WRONG_MAGIC_BYTE, "x")))
                .isEqualTo(DeadLetterReason.WRONG_MAGIC_BYTE);
    }

    @Test
    void unknownSchemaIdKeepsItsReason() {
        assertThat(DeadLetters.reasonOf(new WireFormatException(Kind.UNKNOWN_SCHEMA_ID, "x")))
                .isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void truncatedAvroIsMalformed() {
        assertThat(DeadLetters.reasonOf(new WireFormatException(Kind.TRUNCATED, "x")))
                .isEqualTo(DeadLetterReason.MALFORMED_AVRO);
    }
}
