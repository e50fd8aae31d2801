package no.ipshub.connectors.webhook;

import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.partners.topics.HubTopics;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhook delivery: reads every partner's inbox topic in batches (one consumer group across hub instances; a
 * partner added later included), queues the messages of partners with a webhook in the outbox, nudges the
 * dispatcher, which POSTs them, and commits. Reading the inbox topics rather than the canonical ones means each
 * message arrives once per recipient, committed in its inbox, and only the partitions of partners' own topics
 * are read.
 */
public class WebhookDeliveryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "webhook-delivery";
    public static final String GROUP_ID = "ips-hub-webhooks";

    private final String endpointUri;
    private final WebhookEnqueueProcessor enqueue;
    private final WebhookDispatcher dispatcher;

    public WebhookDeliveryRoute(BatchConsumerComponent batches, HubTopics topics, WebhookEnqueueProcessor enqueue,
            WebhookDispatcher dispatcher, JdbcTemplate jdbc) {
        this.endpointUri = batches.endpointUri(BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, topics.inboxPattern())
                .withProbe(new DatabaseProbe(jdbc)));
        this.enqueue = enqueue;
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        from(endpointUri)
            .routeId(ROUTE_ID)
            .errorHandler(noErrorHandler())
            .process(enqueue)
            .process(batch -> dispatcher.nudge());
    }
}
