package no.ipshub.routes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import org.junit.jupiter.api.Test;

class IntakeReplyCodecTest {

    @Test
    void rejectionWithItsViolationsReadsBackAsWritten() {
        IntakeResult rejected = IntakeResult.rejected("3f1c9a52-7d4e-4b8a-9c21-5e0f6a7b8c90", List.of(
                new Violation("payload.participantNationalId", ViolationCode.INVALID_CHECKSUM, "control digits do not match"),
                new Violation("caseId", ViolationCode.NOT_A_CASE_PARTY, "no referral opened this case")));

        assertThat(IntakeReplyCodec.decode(IntakeReplyCodec.encode(rejected))).isEqualTo(rejected);
    }

    @Test
    void answerToAMessageWithoutIdReadsBackWithoutId() {
        IntakeResult rejected = IntakeResult.rejected(null, List.of(
                new Violation("messageId", ViolationCode.REQUIRED, "is required")));

        assertThat(IntakeReplyCodec.decode(IntakeReplyCodec.encode(rejected)).messageId()).isNull();
    }

    /* A message id (or any text) longer than a modified-UTF-8 string can hold once made the reply encoder throw,
       and the partition answering it stopped; generated texts of every size up to 200,000 characters encode. */
    @Test
    void answersWithTextsOfAnyLengthEncode() {
        java.util.Random random = new java.util.Random(18);
        for (int i = 0; i < 200; i++) {
            int length = random.nextInt(200_000);
            StringBuilder text = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                text.append((char) (1 + random.nextInt(0xD7FF)));
            }
            IntakeResult rejected = IntakeResult.rejected(text.toString(), List.of(
                    new Violation(text.toString(), ViolationCode.INVALID_FORMAT, text.toString())));

            IntakeResult read = IntakeReplyCodec.decode(IntakeReplyCodec.encode(rejected));

            assertThat(read.status()).isEqualTo(IntakeResult.Status.REJECTED);
            assertThat(read.messageId()).isEqualTo(text.substring(0, Math.min(length, IntakeReplyCodec.MAX_TEXT)));
        }
    }

    @Test
    void answerWithThousandsOfViolationsEncodesTheFirstOnes() {
        List<Violation> many = java.util.stream.IntStream.range(0, 5000)
                .mapToObj(i -> new Violation("f" + i, ViolationCode.OUT_OF_RANGE, "is too long")).toList();

        IntakeResult read = IntakeReplyCodec.decode(IntakeReplyCodec.encode(IntakeResult.rejected("id", many)));

        assertThat(read.violations()).hasSize(IntakeReplyCodec.MAX_VIOLATIONS);
    }
}
