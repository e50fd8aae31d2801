package no.ipshub.routes.delivery;

import no.ipshub.routes.config.DeliveryProperties;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.HubErrorPolicy;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.KafkaEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Inbox delivery: reads the canonical topics in batches, writes each message into its recipient's inbox
 * store and inbox topic, and commits the batch after both writes were acknowledged.
 */
@Component
public class InboxDeliveryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "inbox-delivery";

    private final HubTopics topics;
    private final DeliveryProperties delivery;
    private final InboxDeliveryProcessor processor;

    public InboxDeliveryRoute(HubTopics topics, DeliveryProperties delivery, InboxDeliveryProcessor processor) {
        this.topics = topics;
        this.delivery = delivery;
        this.processor = processor;
    }

    @Override
    public void configure() {
        from(KafkaEndpoints.batchConsumer(topics.canonicalTopics(), delivery.groupId(), delivery.consumers(),
                delivery.maxPollRecords(), delivery.batchingIntervalMs(), delivery.pollTimeoutMs()))
            .routeId(ROUTE_ID)
            .routeConfigurationId(HubErrorPolicy.ID)
            .process(processor)
            .process(batch -> BatchOffsets.commit(BatchOffsets.records(batch), ROUTE_ID));
    }
}
