package no.ipshub.routes.ingress;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.intake.PartnerIngressRoute;
import no.ipshub.routes.support.InboxAssertions;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Kafka-native partner writes Confluent wire-format Avro to its own ingress topic; the hub takes the
 * message in, publishes it to the canonical topic of its kind and delivers it to the recipient's inbox
 * topic, as the HTTP inbox reads it. Each test uses its own case and message ids.
 */
@RoutesIntegrationTest
class PartnerIngressRouteIT {

    @Autowired
    KafkaClientSettings kafkaSettings;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    HubTopics topics;
    @Autowired
    InboxReader inbox;

    private KafkaTestClient kafka;
    private RouteScenarios scenarios;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(kafkaSettings);
        scenarios = new RouteScenarios(kafka, topics, registry);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private static HubMessage referral() {
        return HubMessages.referral().caseId("ingress-" + UUID.randomUUID()).build();
    }

    private void awaitInInbox(String partner, HubMessage message) {
        await().atMost(RouteScenarios.WAIT).until(() -> InboxAssertions.contains(inbox, partner, message.getMessageId()));
    }

    @Test
    void referralOnTheIngressTopicArrivesOnTheCanonicalReferralTopicKeyedByCase() {
        HubMessage referral = referral();

        scenarios.produce(TEAM, referral);

        assertThat(scenarios.findMessage(topics.referral(), referral.getMessageId())).hasValueSatisfying(r ->
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(referral.getCaseId()));
    }

    @Test
    void referralOnTheIngressTopicArrivesOnTheRecipientsInboxTopic() {
        HubMessage referral = referral();

        scenarios.produce(TEAM, referral);

        assertThat(scenarios.findMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId()))
                .hasValueSatisfying(r -> assertThat(scenarios.decode(r)).isEqualTo(referral));
    }

    @Test
    void referralOnTheIngressTopicIsInTheRecipientsInboxAsTheHttpEdgeReadsIt() {
        HubMessage referral = referral();

        scenarios.produce(TEAM, referral);

        awaitInInbox(NAV_OFFICE, referral);
    }

    @Test
    void referralIsNotDeliveredToTheSendersOwnInbox() {
        HubMessage referral = referral();
        scenarios.produce(TEAM, referral);
        awaitInInbox(NAV_OFFICE, referral);

        assertThat(InboxAssertions.contains(inbox, TEAM, referral.getMessageId())).isFalse();
    }

    @Test
    void sameMessageSentTwiceIsPublishedToTheCanonicalTopicOnce() {
        HubMessage referral = referral();

        scenarios.produce(TEAM, referral);
        scenarios.produce(TEAM, referral);

        assertThat(scenarios.countMessage(topics.referral(), referral.getMessageId())).isEqualTo(1);
    }

    @Test
    void sameMessageSentTwiceReachesTheInboxTopicOnce() {
        HubMessage referral = referral();

        scenarios.produce(TEAM, referral);
        scenarios.produce(TEAM, referral);

        assertThat(scenarios.countMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId())).isEqualTo(1);
    }

    @Test
    void sameMessageSentTwiceIsInTheInboxAsTheHttpEdgeReadsItOnce() {
        HubMessage referral = referral();
        scenarios.produce(TEAM, referral);
        scenarios.produce(TEAM, referral);
        scenarios.countMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId());

        assertThat(InboxAssertions.count(inbox, NAV_OFFICE, referral.getMessageId())).isEqualTo(1);
    }

    /* The NAV office answers on its own ingress topic: the acceptance, a follow-up of the same case,
       reaches the team's inbox because the referral made both of them parties to the case. */
    @Test
    void acceptanceFromTheNavOfficeReachesTheTeamOfTheCase() {
        HubMessage referral = referral();
        scenarios.produce(TEAM, referral);
        awaitInInbox(NAV_OFFICE, referral);
        HubMessage accepted = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(referral.getCaseId())
                .sender(NAV_OFFICE).recipient(TEAM).correlationId(referral.getMessageId()).build();

        scenarios.produce(NAV_OFFICE, accepted);

        awaitInInbox(TEAM, accepted);
    }

    @Test
    void ingressOffsetsAreCommittedWithTheDelivery() {
        HubMessage referral = referral();
        scenarios.produce(TEAM, referral);
        awaitInInbox(NAV_OFFICE, referral);

        await().atMost(RouteScenarios.WAIT).untilAsserted(() -> {
            Map<TopicPartition, Long> written = new HashMap<>(kafka.endOffsets(topics.ingressFor(TEAM)));
            written.values().removeIf(end -> end == 0);
            assertThat(kafka.committed(PartnerIngressRoute.GROUP_ID)).containsAllEntriesOf(written);
        });
    }
}
