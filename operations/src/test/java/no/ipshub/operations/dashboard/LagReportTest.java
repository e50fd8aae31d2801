package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.operations.metrics.CamelRouteMetrics.RouteStatistics;
import no.ipshub.partners.Partner;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.Sector;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagReportTest {

    private static final HubTopics TOPICS = HubTopics.defaults();
    private static final Partner TEAM = new Partner("haukeland-tsb", "Haukeland", Sector.HEALTH, "983974899", List.of());
    private static final Partner NAV = new Partner("nav-bergenhus", "NAV Bergenhus", Sector.NAV, "1202", List.of());
    private static final RouteInspector.RouteInfo INGRESS = new RouteInspector.RouteInfo("partner-ingress", "Started",
            "ips-hub-ingress", List.of(TOPICS.ingressFor(TEAM.id()), TOPICS.ingressFor(NAV.id())),
            new RouteStatistics("partner-ingress", 0, 0, 0, 0, 0));

    private static TopicPartition p0(String topic) {
        return new TopicPartition(topic, 0);
    }

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final LagAlertThresholds THRESHOLDS = new LagAlertThresholds(1000, Duration.ofMinutes(15));

    private static KafkaOffsets offsets(Map<String, Map<TopicPartition, Long>> committed) {
        String teamIngress = TOPICS.ingressFor(TEAM.id());
        String navInbox = TOPICS.inboxFor(NAV.id());
        return new KafkaOffsets(
                Map.of(p0(teamIngress), 0L, p0(navInbox), 10L),
                Map.of(p0(teamIngress), 25L, p0(navInbox), 100L),
                committed, Set.of());
    }

    private static LagSnapshot report(Map<String, Map<TopicPartition, Long>> committed) {
        return report(committed, Map.of());
    }

    private static LagSnapshot report(Map<String, Map<TopicPartition, Long>> committed,
            Map<RecordPosition, Instant> writtenAt) {
        return LagReport.of(NOW, List.of(INGRESS), List.of(TEAM, NAV), TOPICS, offsets(committed), writtenAt,
                THRESHOLDS);
    }

    private static Map<String, Map<TopicPartition, Long>> ingressAt(long offset) {
        return Map.of("ips-hub-ingress", Map.of(p0(TOPICS.ingressFor(TEAM.id())), offset));
    }

    private static Map<RecordPosition, Instant> writtenAgo(long offset, Duration ago) {
        return Map.of(new RecordPosition(p0(TOPICS.ingressFor(TEAM.id())), offset), NOW.minus(ago));
    }

    @Test
    void aPartnersIngressBacklogIsTheLagOfTheRouteReadingItsTopic() {
        LagSnapshot lag = report(Map.of("ips-hub-ingress", Map.of(p0(TOPICS.ingressFor(TEAM.id())), 20L)));

        LagSnapshot.PartnerLag team = lag.partners().get(0);
        assertThat(team.ingressRoute()).isEqualTo("partner-ingress");
        assertThat(team.ingressLag()).isEqualTo(5);
    }

    @Test
    void aPartnerThatReadsItsInboxWithItsOwnGroupGetsThatGroupsLag() {
        LagSnapshot lag = report(Map.of("nav-bergenhus", Map.of(p0(TOPICS.inboxFor(NAV.id())), 70L)));

        LagSnapshot.PartnerLag nav = lag.partners().get(1);
        assertThat(nav.inboxGroup()).isEqualTo("nav-bergenhus");
        assertThat(nav.inboxLag()).isEqualTo(30);
        assertThat(nav.inboxRetained()).isEqualTo(90);
    }

    @Test
    void aPartnerWithoutAGroupHasNoInboxLagButItsBacklog() {
        LagSnapshot.PartnerLag nav = report(Map.of()).partners().get(1);

        assertThat(nav.inboxGroup()).isNull();
        assertThat(nav.inboxLag()).isNull();
        assertThat(nav.inboxRecords()).isEqualTo(100);
    }

    @Test
    void aMissingInboxTopicShowsNoFigures() {
        LagSnapshot.PartnerLag team = report(Map.of()).partners().get(0);

        assertThat(team.inboxRecords()).isNull();
    }

    @Test
    void theGroupsAskedForAreTheRoutesAndOnePerPartner() {
        assertThat(LagReport.groups(List.of(INGRESS), List.of(TEAM, NAV)))
                .containsExactly("ips-hub-ingress", "haukeland-tsb", "nav-bergenhus");
    }

    @Test
    void theRecordsWhoseTimeToReadAreWhereTheRoutesGroupReadsNext() {
        assertThat(LagReport.unread(List.of(INGRESS), offsets(ingressAt(20L))))
                .containsExactly(new RecordPosition(p0(TOPICS.ingressFor(TEAM.id())), 20L));
    }

    @Test
    void aPartnersIngressBacklogShowsHowLongAgoItsOldestRecordWasWritten() {
        LagSnapshot lag = report(ingressAt(20L), writtenAgo(20L, Duration.ofMinutes(3)));

        assertThat(lag.partners().get(0).ingressOldestAgeSeconds()).isEqualTo(180);
        assertThat(lag.routes().get(0).oldestAgeSeconds()).isEqualTo(180);
    }

    @Test
    void anIngressRecordUnreadForTheAlertAgeIsAnAlertNamingItsRouteTopicAndPartner() {
        LagSnapshot lag = report(ingressAt(20L), writtenAgo(20L, Duration.ofMinutes(15)));

        assertThat(lag.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.routeId()).isEqualTo("partner-ingress");
            assertThat(alert.topic()).isEqualTo(TOPICS.ingressFor(TEAM.id()));
            assertThat(alert.partner()).isEqualTo(TEAM.id());
            assertThat(alert.reasons()).containsExactly(LagAlertReason.OLDEST_AGE);
        });
        assertThat(lag.partners().get(0).ingressAlert()).isTrue();
        assertThat(lag.routes().get(0).alert()).isTrue();
    }

    @Test
    void aRecentBacklogIsNoAlert() {
        LagSnapshot lag = report(ingressAt(20L), writtenAgo(20L, Duration.ofMinutes(1)));

        assertThat(lag.alerts()).isEmpty();
        assertThat(lag.partners().get(0).ingressAlert()).isFalse();
    }

    @Test
    void aCaughtUpRouteHasNoOldestUnreadRecord() {
        LagSnapshot lag = report(ingressAt(25L), writtenAgo(25L, Duration.ofDays(3)));

        assertThat(lag.routes().get(0).oldestAgeSeconds()).isNull();
        assertThat(lag.alerts()).isEmpty();
    }

    @Test
    void theSnapshotCarriesTheThresholds() {
        assertThat(report(Map.of()).thresholds()).isEqualTo(new LagSnapshot.Thresholds(1000, 900));
    }
}
