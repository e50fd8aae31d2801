package no.ipshub.routes.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ipshub.schemas.v1.DeadLetterReason;
import org.junit.jupiter.api.Test;

class ViolationTest {

    private static Violation violation(ViolationCode code) {
        return new Violation("field", code, "is wrong");
    }

    @Test
    void spoofedSenderOutranksEveryOtherReason() {
        List<Violation> violations = List.of(violation(ViolationCode.REQUIRED), violation(ViolationCode.NOT_A_CASE_PARTY),
                violation(ViolationCode.SPOOFED_SENDER), violation(ViolationCode.UNKNOWN_PARTNER));

        assertThat(Violation.deadLetterReason(violations)).isEqualTo(DeadLetterReason.SPOOFED_SENDER);
    }

    @Test
    void unknownPartnerOutranksInvalidContent() {
        List<Violation> violations = List.of(violation(ViolationCode.INVALID_CHECKSUM), violation(ViolationCode.UNKNOWN_PARTNER));

        assertThat(Violation.deadLetterReason(violations)).isEqualTo(DeadLetterReason.UNKNOWN_PARTNER);
    }

    @Test
    void contentViolationsAreInvalidContent() {
        assertThat(Violation.deadLetterReason(List.of(violation(ViolationCode.FUTURE_DATE))))
                .isEqualTo(DeadLetterReason.INVALID_CONTENT);
    }

    @Test
    void notACasePartyIsForbidden() {
        assertThat(Violation.anyForbidden(List.of(violation(ViolationCode.REQUIRED), violation(ViolationCode.NOT_A_CASE_PARTY))))
                .isTrue();
    }

    @Test
    void unknownRecipientIsNotForbidden() {
        assertThat(Violation.anyForbidden(List.of(violation(ViolationCode.UNKNOWN_PARTNER)))).isFalse();
    }

    @Test
    void descriptionNamesEachFieldAndCode() {
        List<Violation> violations = List.of(new Violation("messageId", ViolationCode.INVALID_FORMAT, "must be a UUID"),
                new Violation("payload.date", ViolationCode.FUTURE_DATE, "must not be in the future"));

        assertThat(Violation.describe(violations)).isEqualTo(
                "messageId INVALID_FORMAT: must be a UUID; payload.date FUTURE_DATE: must not be in the future");
    }
}
