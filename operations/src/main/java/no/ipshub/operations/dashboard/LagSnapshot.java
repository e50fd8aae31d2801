package no.ipshub.operations.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Consumer lag at one sample: per route consumer group and per partner, and the alerts among them.
 *
 * @param sampledAt  when the offsets were read; null before the first sample
 * @param thresholds from when a route's lag on a topic is an alert ({@code hub.ops.lag-alert.*})
 * @param routes     per Kafka-consuming route
 * @param partners   per partner, in the order of the partners file
 * @param alerts     every route's topic whose lag is an alert; empty when none is
 * @param error      why Kafka could not be read at this sample; null when it could
 */
public record LagSnapshot(Instant sampledAt, Thresholds thresholds, List<RouteLag> routes, List<PartnerLag> partners,
        List<Alert> alerts, String error) {

    /** Before the first sample. */
    static LagSnapshot none(LagAlertThresholds thresholds) {
        return new LagSnapshot(null, Thresholds.of(thresholds), List.of(), List.of(), List.of(), "not sampled yet");
    }

    /** The figures of this snapshot, with why the latest attempt to read Kafka failed. */
    LagSnapshot failed(String why) {
        return new LagSnapshot(sampledAt, thresholds, routes, partners, alerts, why);
    }

    /**
     * The alert thresholds.
     *
     * @param records          records behind on a topic from which it is an alert
     * @param oldestAgeSeconds age of the oldest unread record from which it is an alert
     */
    public record Thresholds(long records, long oldestAgeSeconds) {

        static Thresholds of(LagAlertThresholds thresholds) {
            return new Thresholds(thresholds.records(), thresholds.oldestAge().toSeconds());
        }
    }

    /**
     * A route's consumer group and how far it is behind.
     *
     * @param routeId          the route
     * @param consumerGroup    its consumer group
     * @param lag              records not yet committed, over all its topics
     * @param oldestAgeSeconds age of its oldest unread record over all its topics; null when none or not known
     * @param alert            true when its lag on one of its topics is an alert
     * @param topics           per topic
     */
    public record RouteLag(String routeId, String consumerGroup, long lag, Long oldestAgeSeconds, boolean alert,
            List<TopicLag> topics) {
    }

    /**
     * One partner's two directions: the hub reading what the partner sent (ingress), and the partner reading what
     * the hub delivered (inbox).
     *
     * @param partner                 the partner id
     * @param ingressTopic            the partner's ingress topic
     * @param ingressRoute            the route that reads it; null when no route does
     * @param ingressLag              records the hub has not yet taken in; null when the topic or route is missing
     * @param ingressOldestAgeSeconds how long ago the oldest of them was written; null when none or not known
     * @param ingressAlert            true when the ingress backlog is an alert
     * @param inboxTopic              the partner's inbox topic
     * @param inboxRecords            records ever delivered to the inbox topic; null when the topic is missing
     * @param inboxRetained           records still on the inbox topic (the backlog a new reader would find); null
     *                                when missing
     * @param inboxGroup              the partner's consumer group (its id) when it reads its inbox from Kafka; null
     *                                otherwise
     * @param inboxLag                records the partner's group has not yet committed; null without such a group
     */
    public record PartnerLag(String partner, String ingressTopic, String ingressRoute, Long ingressLag,
            Long ingressOldestAgeSeconds, boolean ingressAlert, String inboxTopic, Long inboxRecords,
            Long inboxRetained, String inboxGroup, Long inboxLag) {
    }

    /**
     * A route's lag on one topic that is an alert.
     *
     * @param routeId          the route
     * @param consumerGroup    its consumer group
     * @param topic            the topic
     * @param partner          the partner whose ingress or inbox topic it is; null for the hub's own topics
     * @param lag              records behind
     * @param oldestAgeSeconds age of the oldest unread record; null when not known
     * @param expired          records deleted by retention before the group read them
     * @param reasons          why it is an alert
     */
    public record Alert(String routeId, String consumerGroup, String topic, String partner, long lag,
            Long oldestAgeSeconds, long expired, List<LagAlertReason> reasons) {
    }
}
