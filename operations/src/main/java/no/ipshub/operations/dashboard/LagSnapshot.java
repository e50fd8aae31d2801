package no.ipshub.operations.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Consumer lag at one sample: per route consumer group and per partner.
 *
 * @param sampledAt when the offsets were read; null before the first sample
 * @param routes    per Kafka-consuming route
 * @param partners  per partner, in the order of the partners file
 * @param error     why Kafka could not be read at this sample; null when it could
 */
public record LagSnapshot(Instant sampledAt, List<RouteLag> routes, List<PartnerLag> partners, String error) {

    /** Before the first sample. */
    static LagSnapshot none() {
        return new LagSnapshot(null, List.of(), List.of(), "not sampled yet");
    }

    /**
     * A route's consumer group and how far it is behind.
     *
     * @param routeId       the route
     * @param consumerGroup its consumer group
     * @param lag           records not yet committed, over all its topics
     * @param topics        per topic
     */
    public record RouteLag(String routeId, String consumerGroup, long lag, List<TopicLag> topics) {
    }

    /**
     * One partner's two directions: the hub reading what the partner sent (ingress), and the partner reading what
     * the hub delivered (inbox).
     *
     * @param partner         the partner id
     * @param ingressTopic    the partner's ingress topic
     * @param ingressRoute    the route that reads it; null when no route does
     * @param ingressLag      records the hub has not yet taken in; null when the topic or route is missing
     * @param inboxTopic      the partner's inbox topic
     * @param inboxRecords    records ever delivered to the inbox topic; null when the topic is missing
     * @param inboxRetained   records still on the inbox topic (the backlog a new reader would find); null when missing
     * @param inboxGroup      the partner's consumer group (its id) when it reads its inbox from Kafka; null otherwise
     * @param inboxLag        records the partner's group has not yet committed; null without such a group
     */
    public record PartnerLag(String partner, String ingressTopic, String ingressRoute, Long ingressLag,
            String inboxTopic, Long inboxRecords, Long inboxRetained, String inboxGroup, Long inboxLag) {
    }
}
