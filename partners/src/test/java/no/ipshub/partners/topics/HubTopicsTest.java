package no.ipshub.partners.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.Test;

class HubTopicsTest {

    private final HubTopics topics = HubTopics.defaults();

    @Test
    void ingressTopicIsNamedAfterThePartner() {
        assertThat(topics.ingressFor("nav-bergenhus")).isEqualTo("ips.ingress.nav-bergenhus-v1");
    }

    @Test
    void inboxTopicIsNamedAfterThePartner() {
        assertThat(topics.inboxFor("haukeland-tsb")).isEqualTo("ips.inbox.haukeland-tsb-v1");
    }

    @Test
    void partnerIsReadBackFromItsIngressTopic() {
        assertThat(topics.partnerOfIngressTopic("ips.ingress.nav-bergenhus-v1")).contains("nav-bergenhus");
    }

    @Test
    void inboxTopicIsNotAnIngressTopic() {
        assertThat(topics.partnerOfIngressTopic("ips.inbox.nav-bergenhus-v1")).isEmpty();
    }

    @Test
    void referralGoesToTheReferralTopic() {
        assertThat(topics.canonicalFor(HubMessages.referral().build())).isEqualTo("ips.referral-v1");
    }

    @Test
    void followUpGoesToTheFollowUpTopic() {
        assertThat(topics.canonicalFor(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build()))
                .isEqualTo("ips.followup-v1");
    }

    @Test
    void outcomeGoesToTheOutcomeTopic() {
        assertThat(topics.canonicalFor(HubMessages.outcome(OutcomeKind.JOB_STARTED).build())).isEqualTo("ips.outcome-v1");
    }

    @Test
    void partnerTopicTemplateWithoutPlaceholderIsRefused() {
        assertThatThrownBy(() -> new HubTopics("r", "f", "o", "d", "c", "ips.ingress-v1", "ips.inbox.{partner}-v1", null, null, null, null, null))
                .hasMessageContaining("hub.topics.ingress must contain {partner}");
    }
}
