package no.ipshub.connectors.webhook;

import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.BatchRoute;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhook delivery: reads every partner's inbox topic in batches (one consumer group across hub instances; a
 * partner added later included), queues the messages of partners with a webhook in the outbox, nudges the
 * dispatcher, which POSTs them, and commits. Reading the inbox topics rather than the canonical ones means each
 * message arrives once per recipient, committed in its inbox, and only the partitions of partners' own topics
 * are read.
 */
public class WebhookDeliveryRoute extends BatchRoute {

    public static final String ROUTE_ID = "webhook-delivery";
    public static final String GROUP_ID = "ips-hub-webhooks";

    public WebhookDeliveryRoute(BatchConsumerComponent batches, HubTopics topics, WebhookEnqueueProcessor enqueue,
            WebhookDispatcher dispatcher, JdbcTemplate jdbc) {
        super(batches, BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, topics.inboxPattern())
                .withProbe(new DatabaseProbe(jdbc)), enqueue, batch -> dispatcher.nudge());
    }
}
