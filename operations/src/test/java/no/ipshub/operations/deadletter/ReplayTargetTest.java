package no.ipshub.operations.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.ipshub.partners.Partner;
import no.ipshub.partners.YamlPartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.Test;

class ReplayTargetTest {

    private static final HubTopics TOPICS = HubTopics.defaults();
    private static final YamlPartnerDirectory PARTNERS = new YamlPartnerDirectory(List.of(
            new Partner("haukeland-tsb", "Haukeland", Sector.HEALTH, "983974899", List.of()),
            new Partner("nav-bergenhus", "NAV Bergenhus", Sector.NAV, "1202", List.of())));

    private static DeadLetterEntry entry(String partner, String sourceTopic, String reason, DeadLetterStatus status) {
        Instant t = Instant.parse("2025-03-03T09:00:00Z");
        return new DeadLetterEntry("d-1", partner, reason, "why", "m-1", "partner-ingress", sourceTopic, 0, 7, t, t, 1,
                status, 300, 0, null, null, null);
    }

    private static ReplayTarget target(DeadLetterEntry entry) {
        return ReplayTarget.of(entry, true, TOPICS, PARTNERS);
    }

    @Test
    void aMessageThatFailedOnItsWayInGoesBackToThePartnersIngress() {
        ReplayTarget target = target(entry("haukeland-tsb", "ips.ingress.haukeland-tsb-v1", "INVALID_CONTENT",
                DeadLetterStatus.OPEN));

        assertThat(target.topic()).isEqualTo("ips.ingress.haukeland-tsb-v1");
    }

    @Test
    void aMessageFromTheHttpEdgeGoesToItsPartnersIngress() {
        ReplayTarget target = target(entry("nav-bergenhus", "http", "INVALID_CONTENT", DeadLetterStatus.OPEN));

        assertThat(target.topic()).isEqualTo("ips.ingress.nav-bergenhus-v1");
    }

    @Test
    void aMessageThatFailedAfterItWasAcceptedGoesBackToItsCanonicalTopic() {
        ReplayTarget target = target(entry("haukeland-tsb", "ips.referral-v1", "UNKNOWN_PARTNER", DeadLetterStatus.OPEN));

        assertThat(target.topic()).isEqualTo("ips.referral-v1");
    }

    @Test
    void anIngressTopicOfAPartnerAddedSinceIsReplayable() {
        ReplayTarget target = target(entry(null, "ips.ingress.nav-bergenhus-v1", "UNKNOWN_PARTNER", DeadLetterStatus.OPEN));

        assertThat(target.topic()).isEqualTo("ips.ingress.nav-bergenhus-v1");
    }

    @Test
    void anIngressTopicOfAnUnknownPartnerIsNotReplayable() {
        ReplayTarget target = target(entry(null, "ips.ingress.nav-gone-v1", "UNKNOWN_PARTNER", DeadLetterStatus.OPEN));

        assertThat(target.replayable()).isFalse();
        assertThat(target.refusal()).contains("nav-gone");
    }

    @Test
    void aDiscardedDeadLetterIsNotReplayable() {
        assertThat(target(entry("haukeland-tsb", "ips.ingress.haukeland-tsb-v1", "INVALID_CONTENT",
                DeadLetterStatus.DISCARDED)).replayable()).isFalse();
    }

    @Test
    void aTruncatedOversizedMessageIsNotReplayable() {
        assertThat(target(entry("haukeland-tsb", "ips.ingress.haukeland-tsb-v1", "MESSAGE_TOO_LARGE",
                DeadLetterStatus.OPEN)).replayable()).isFalse();
    }

    @Test
    void aRecordWithoutAValueIsNotReplayable() {
        DeadLetterEntry e = entry("haukeland-tsb", "ips.ingress.haukeland-tsb-v1", "MALFORMED_AVRO", DeadLetterStatus.OPEN);

        assertThat(ReplayTarget.of(e, false, TOPICS, PARTNERS).replayable()).isFalse();
    }

    @Test
    void anAlreadyReplayedDeadLetterCanBeReplayedAgain() {
        assertThat(target(entry("haukeland-tsb", "ips.ingress.haukeland-tsb-v1", "INVALID_CONTENT",
                DeadLetterStatus.REPLAYED)).replayable()).isTrue();
    }
}
