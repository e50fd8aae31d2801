package no.ipshub.routes.intake;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP edge refuses on the spot: a message whose answer the case's state cannot change never goes to
 * Kafka. These submissions have no producer, codec or reply reader to reach, so any attempt would fail the test.
 */
class MessageSubmissionsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private final MessageSubmissions submissions = new MessageSubmissions(
            new IngressValidator(TestPartners.directory(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)),
            HubTopics.defaults(), null, null, null, null, null, null, Duration.ofSeconds(1));

    @Test
    void referralWithABadNationalIdIsRejectedWithoutGoingToKafka() {
        IntakeResult result = submissions.submit(HubMessages.referral()
                .referral(r -> r.setParticipantNationalId("14859143611")).build(), TEAM, false);

        assertThat(result.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.INVALID_CHECKSUM);
    }

    @Test
    void messageWhoseSenderIsNotTheCallerIsForbiddenWithoutGoingToKafka() {
        IntakeResult result = submissions.submit(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED)
                .sender(NAV_OFFICE).recipient(TEAM).build(), TEAM, false);

        assertThat(result.violations()).extracting(v -> v.code()).contains(ViolationCode.SPOOFED_SENDER);
    }

    /* A follow-up asks its case's state; one with a field over its bound must not wait for it (nor reach Kafka). */
    @Test
    void followUpWithAMessageIdOfSeventyThousandCharactersIsRejectedWithoutGoingToKafka() {
        IntakeResult result = submissions.submit(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED)
                .messageId("7".repeat(70_000)).build(), TEAM, false);

        assertThat(result.violations()).extracting(v -> v.field(), v -> v.code())
                .containsExactly(tuple("messageId", ViolationCode.OUT_OF_RANGE));
    }

    @Test
    void dryRunOfABrokenMessageGetsTheSameViolations() {
        IntakeResult result = submissions.submit(HubMessages.referral()
                .referral(r -> r.setParticipantNationalId("14859143611")).build(), TEAM, true);

        assertThat(result.status()).isEqualTo(IntakeResult.Status.REJECTED);
    }
}
