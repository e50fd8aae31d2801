package no.ipshub.operations.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.ipshub.partners.Partner;
import no.ipshub.partners.topics.HubTopics;
import org.apache.kafka.common.TopicPartition;

/** Builds a {@link LagSnapshot} from the routes, the partners, the offsets read from Kafka and the alert thresholds. */
final class LagReport {

    private LagReport() {
    }

    /** Every topic whose offsets a lag snapshot needs. */
    static Set<String> topics(List<RouteInspector.RouteInfo> routes, List<Partner> partners, HubTopics hubTopics) {
        Set<String> topics = new LinkedHashSet<>();
        routes.forEach(r -> topics.addAll(r.topics()));
        for (Partner p : partners) {
            topics.add(hubTopics.ingressFor(p.id()));
            topics.add(hubTopics.inboxFor(p.id()));
        }
        return topics;
    }

    /** Every consumer group whose offsets a lag snapshot needs: the routes' and one per partner id. */
    static Set<String> groups(List<RouteInspector.RouteInfo> routes, List<Partner> partners) {
        Set<String> groups = new LinkedHashSet<>();
        routes.stream().filter(RouteInspector.RouteInfo::consumesKafka).forEach(r -> groups.add(r.consumerGroup()));
        partners.forEach(p -> groups.add(p.id()));
        return groups;
    }

    /** Where every route's group reads next on the partitions where it is behind: the records whose time to read. */
    static Set<RecordPosition> unread(List<RouteInspector.RouteInfo> routes, KafkaOffsets offsets) {
        Set<RecordPosition> positions = new HashSet<>();
        for (RouteInspector.RouteInfo r : routes) {
            if (r.consumesKafka()) {
                LagCalculator.unread(r.topics(), offsets.begin(), offsets.end(), offsets.committedBy(r.consumerGroup()))
                        .forEach((tp, offset) -> positions.add(new RecordPosition(tp, offset)));
            }
        }
        return positions;
    }

    /**
     * The snapshot at {@code at}.
     *
     * @param writtenAt  when the records at the routes' positions were written, where known ({@link #unread})
     * @param thresholds from when a route's lag is an alert
     */
    static LagSnapshot of(Instant at, List<RouteInspector.RouteInfo> routes, List<Partner> partners,
            HubTopics hubTopics, KafkaOffsets offsets, Map<RecordPosition, Instant> writtenAt,
            LagAlertThresholds thresholds) {
        List<LagSnapshot.RouteLag> routeLags = new ArrayList<>();
        List<LagSnapshot.Alert> alerts = new ArrayList<>();
        for (RouteInspector.RouteInfo r : routes) {
            if (!r.consumesKafka()) {
                continue;
            }
            Map<TopicPartition, Long> committed = offsets.committedBy(r.consumerGroup());
            List<TopicLag> lags = LagCalculator.lag(r.topics(), offsets.begin(), offsets.end(), committed).stream()
                    .map(t -> t.withOldestUnreadAt(oldest(t.topic(), offsets, committed, writtenAt), at)
                            .judgedBy(thresholds))
                    .toList();
            lags.stream().filter(TopicLag::alerting).forEach(t -> alerts.add(new LagSnapshot.Alert(r.id(),
                    r.consumerGroup(), t.topic(), partnerOf(t.topic(), hubTopics), t.lag(), t.oldestAgeSeconds(),
                    t.expired(), t.alerts())));
            Long oldestAge = lags.stream().map(TopicLag::oldestAgeSeconds).filter(Objects::nonNull)
                    .max(Long::compare).orElse(null);
            routeLags.add(new LagSnapshot.RouteLag(r.id(), r.consumerGroup(), LagCalculator.total(lags), oldestAge,
                    lags.stream().anyMatch(TopicLag::alerting), lags));
        }
        List<LagSnapshot.PartnerLag> partnerLags = new ArrayList<>();
        for (Partner p : partners) {
            String ingress = hubTopics.ingressFor(p.id());
            Optional<LagSnapshot.RouteLag> reader = routeLags.stream()
                    .filter(l -> l.topics().stream().anyMatch(t -> t.topic().equals(ingress)))
                    .findFirst();
            Optional<TopicLag> ingressLag = reader.flatMap(l -> l.topics().stream()
                    .filter(t -> t.topic().equals(ingress)).findFirst());
            String inbox = hubTopics.inboxFor(p.id());
            Optional<TopicLag> inboxLag = LagCalculator.lag(List.of(inbox), offsets.begin(), offsets.end(),
                    offsets.committedBy(p.id())).stream().findFirst();
            boolean partnerGroup = inboxLag.map(TopicLag::committed).orElse(false);
            partnerLags.add(new LagSnapshot.PartnerLag(p.id(), ingress,
                    reader.map(LagSnapshot.RouteLag::routeId).orElse(null),
                    ingressLag.map(TopicLag::lag).orElse(null), ingressLag.map(TopicLag::oldestAgeSeconds).orElse(null),
                    ingressLag.map(TopicLag::alerting).orElse(false), inbox,
                    inboxLag.map(TopicLag::endOffset).orElse(null), inboxLag.map(TopicLag::retained).orElse(null),
                    partnerGroup ? p.id() : null, partnerGroup ? inboxLag.get().lag() : null));
        }
        return new LagSnapshot(at, LagSnapshot.Thresholds.of(thresholds), routeLags, partnerLags, alerts, null);
    }

    /** The earliest time among the records a group reads next on the topic's partitions; null when none is known. */
    private static Instant oldest(String topic, KafkaOffsets offsets, Map<TopicPartition, Long> committed,
            Map<RecordPosition, Instant> writtenAt) {
        return LagCalculator.unread(List.of(topic), offsets.begin(), offsets.end(), committed).entrySet().stream()
                .map(e -> writtenAt.get(new RecordPosition(e.getKey(), e.getValue())))
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static String partnerOf(String topic, HubTopics hubTopics) {
        return hubTopics.partnerOfIngressTopic(topic).or(() -> hubTopics.partnerOfInboxTopic(topic)).orElse(null);
    }
}
