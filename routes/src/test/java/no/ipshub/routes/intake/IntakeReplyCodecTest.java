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
}
