package no.ipshub.partners.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicPlan.TopicSpec;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    private static List<TopicSpec> plan(int brokers) {
        return TopicPlan.of(HubTopics.defaults(), TestPartners.all(), brokers);
    }

    private static TopicSpec topic(List<TopicSpec> plan, String name) {
        return plan.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void singleBrokerGetsReplicationFactorOneAndMinInsyncOne() {
        assertThat(plan(1)).allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "1");
        });
    }

    @Test
    void threeBrokersGetReplicationFactorThreeAndMinInsyncTwo() {
        assertThat(plan(3)).allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void theInstancesHeartbeatTopicHasOneCompactedPartitionStampedWithTheBrokersTime() {
        TopicSpec spec = TopicPlan.instanceLease("ips.hub-instances-v1", 3);

        assertThat(spec.partitions()).isOne();
        assertThat(spec.replicationFactor()).isEqualTo((short) 3);
        assertThat(spec.configs()).containsEntry("cleanup.policy", "compact")
                .containsEntry("message.timestamp.type", "LogAppendTime");
    }

    @Test
    void fiveBrokersStillReplicateThreeTimes() {
        assertThat(plan(5)).extracting(TopicSpec::replicationFactor).containsOnly((short) 3);
    }

    @Test
    void everyPartnerGetsAnIngressAndAnInboxTopic() {
        assertThat(plan(1)).extracting(TopicSpec::name).contains(
                "ips.ingress.haukeland-tsb-v1", "ips.inbox.haukeland-tsb-v1",
                "ips.ingress.nav-tromso-v1", "ips.inbox.nav-tromso-v1");
    }

    @Test
    void ingressTopicsAcceptSixteenMegabyteRecords() {
        assertThat(topic(plan(1), "ips.ingress.nav-bergenhus-v1").configs())
                .containsEntry("max.message.bytes", Integer.toString(16 * 1024 * 1024));
    }

    @Test
    void ingressTopicsKeepAMessageForTheIngressRetention() {
        HubTopics topics = new HubTopics("r", "f", "o", "d", "c", "i.{partner}", "b.{partner}", "s", "a", null,
                Duration.ofDays(45), null);

        assertThat(topic(TopicPlan.of(topics, TestPartners.all(), 1), "i.nav-bergenhus").configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(45).toMillis()));
    }

    @Test
    void ingressTopicsKeepAMessageThirtyDaysByDefault() {
        assertThat(topic(plan(1), "ips.ingress.nav-bergenhus-v1").configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
    }

    /* A partner sets its records' timestamps; retention and the age of unread records must rest on the broker's. */
    @Test
    void ingressTopicsTakeTheBrokersTimeAsTheRecordsTimestamp() {
        assertThat(topic(plan(1), "ips.ingress.nav-bergenhus-v1").configs())
                .containsEntry("message.timestamp.type", "LogAppendTime");
    }

    @Test
    void partnerTopicsNeverDeleteAMessageForSpace() {
        assertThat(plan(1)).filteredOn(t -> t.name().startsWith("ips.ingress.") || t.name().startsWith("ips.inbox."))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.configs()).containsEntry("retention.bytes", "-1"));
    }

    @Test
    void collaborationLogIsCompacted() {
        assertThat(topic(plan(1), "ips.collaboration-log-v1").configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void canonicalTopicsGetTheConfiguredPartitions() {
        HubTopics topics = new HubTopics("r", "f", "o", "d", "c", "i.{partner}", "b.{partner}", "s", "a", null, null,
                new HubTopics.Partitions(12, 3, 3, 1, 6, 2));

        assertThat(TopicPlan.of(topics, List.of(), 1)).filteredOn(t -> List.of("r", "f", "o").contains(t.name()))
                .extracting(TopicSpec::partitions).containsExactly(12, 12, 12);
    }
}
