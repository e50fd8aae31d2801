package no.ipshub.connectors.webhook;

import java.util.List;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.HubErrorPolicy;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.KafkaEndpoints;
import no.ipshub.routes.partner.PartnerDirectory;
import org.apache.camel.builder.RouteBuilder;

/**
 * Webhook delivery: reads every partner's inbox topic in batches (one consumer group across hub instances),
 * queues the messages of partners with a webhook in the outbox, commits, and nudges the dispatcher, which
 * POSTs them. Reading the inbox topics rather than the canonical ones means each message arrives once per
 * recipient, already stored in its inbox, and only the partitions of partners' own topics are read.
 */
public class WebhookDeliveryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "webhook-delivery";

    private final List<String> inboxTopics;
    private final WebhookProperties.Consumer consumer;
    private final WebhookEnqueueProcessor enqueue;
    private final WebhookDispatcher dispatcher;

    public WebhookDeliveryRoute(HubTopics topics, PartnerDirectory partners, WebhookProperties properties,
            WebhookEnqueueProcessor enqueue, WebhookDispatcher dispatcher) {
        this.inboxTopics = partners.all().stream().map(p -> topics.inboxFor(p.id())).toList();
        this.consumer = properties.consumer();
        this.enqueue = enqueue;
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        if (inboxTopics.isEmpty()) {
            return;
        }
        from(KafkaEndpoints.batchConsumer(inboxTopics, consumer.groupId(), consumer.consumers(),
                consumer.maxPollRecords(), consumer.batchingIntervalMs(), consumer.pollTimeoutMs()))
            .routeId(ROUTE_ID)
            .routeConfigurationId(HubErrorPolicy.ID)
            .process(enqueue)
            .process(batch -> BatchOffsets.commit(BatchOffsets.records(batch), ROUTE_ID))
            .process(batch -> dispatcher.nudge());
    }
}
