package no.ipshub.connectors.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.ipshub.connectors.outbound.InboxBatchReader;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.PendingDelivery;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.schemas.v1.DeadLetter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch of inbox records for the {@code webhook-delivery} route: each message whose recipient has a
 * webhook goes into the outbox (once per partner and message id, whatever Kafka redelivers); the others are
 * skipped. A record that cannot be decoded becomes a dead letter; a registry or database outage fails the batch,
 * which is read again after a back-off.
 */
public class WebhookEnqueueProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(WebhookEnqueueProcessor.class);

    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryStore deliveries;
    private final InboxBatchReader inbox;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public WebhookEnqueueProcessor(HubTopics topics, WebhookEndpointStore endpoints,
            WebhookDeliveryStore deliveries, HubWireCodec codec, DeadLetterPublisher deadLetters, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.inbox = new InboxBatchReader(topics, codec, WebhookDeliveryRoute.ROUTE_ID);
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        RecordBatch batch = exchange.getMessage().getBody(RecordBatch.class);
        List<ConsumedRecord> records = batch.records();
        if (records.isEmpty()) {
            return;
        }
        Set<String> registered = endpoints.registeredPartners();
        if (registered.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<PendingDelivery> pending = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (InboxBatchReader.Addressed addressed : inbox.read(records, registered::contains, now, dead)) {
            pending.add(new PendingDelivery(addressed.partner(), addressed.message().getMessageId(),
                    addressed.record().value()));
        }
        int queued = deliveries.enqueue(pending, now);
        deadLetters.publishAll(dead, batch.output());
        log.debug("Route {} queued {} webhook deliveries from {} inbox records", WebhookDeliveryRoute.ROUTE_ID, queued,
                records.size());
    }
}
