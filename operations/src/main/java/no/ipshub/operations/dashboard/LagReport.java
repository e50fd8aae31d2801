package no.ipshub.operations.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.partner.Partner;

/** Builds a {@link LagSnapshot} from the routes, the partners and the offsets read from Kafka. */
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

    static LagSnapshot of(Instant at, List<RouteInspector.RouteInfo> routes, List<Partner> partners,
            HubTopics hubTopics, KafkaOffsets offsets) {
        List<LagSnapshot.RouteLag> routeLags = new ArrayList<>();
        for (RouteInspector.RouteInfo r : routes) {
            if (!r.consumesKafka()) {
                continue;
            }
            List<TopicLag> lags = LagCalculator.lag(r.topics(), offsets.begin(), offsets.end(),
                    offsets.committedBy(r.consumerGroup()));
            routeLags.add(new LagSnapshot.RouteLag(r.id(), r.consumerGroup(), LagCalculator.total(lags), lags));
        }
        List<LagSnapshot.PartnerLag> partnerLags = new ArrayList<>();
        for (Partner p : partners) {
            String ingress = hubTopics.ingressFor(p.id());
            Optional<LagSnapshot.RouteLag> reader = routeLags.stream()
                    .filter(l -> l.topics().stream().anyMatch(t -> t.topic().equals(ingress)))
                    .findFirst();
            Long ingressLag = reader.flatMap(l -> l.topics().stream().filter(t -> t.topic().equals(ingress)).findFirst())
                    .map(TopicLag::lag).orElse(null);
            String inbox = hubTopics.inboxFor(p.id());
            Optional<TopicLag> inboxLag = LagCalculator.lag(List.of(inbox), offsets.begin(), offsets.end(),
                    offsets.committedBy(p.id())).stream().findFirst();
            boolean partnerGroup = inboxLag.map(TopicLag::committed).orElse(false);
            partnerLags.add(new LagSnapshot.PartnerLag(p.id(), ingress, reader.map(LagSnapshot.RouteLag::routeId).orElse(null),
                    ingressLag, inbox, inboxLag.map(TopicLag::endOffset).orElse(null),
                    inboxLag.map(TopicLag::retained).orElse(null), partnerGroup ? p.id() : null,
                    partnerGroup ? inboxLag.get().lag() : null));
        }
        return new LagSnapshot(at, routeLags, partnerLags, null);
    }
}
