package no.ipshub.connectors.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.PendingDelivery;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
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

    private final HubTopics topics;
    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryStore deliveries;
    private final HubWireCodec codec;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public WebhookEnqueueProcessor(HubTopics topics, WebhookEndpointStore endpoints,
            WebhookDeliveryStore deliveries, HubWireCodec codec, DeadLetterPublisher deadLetters, Clock clock) {
        this.topics = topics;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.codec = codec;
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
        for (ConsumedRecord record : records) {
            String partner = topics.partnerOfInboxTopic(record.topic()).orElse(null);
            if (partner == null || !registered.contains(partner)) {
                continue;
            }
            HubMessage message = decode(record, now, dead);
            if (message == null) {
                continue;
            }
            if (!partner.equals(message.getRecipient())) {
                log.warn("Route {} skipped {}: its recipient is not the partner of the inbox topic",
                        WebhookDeliveryRoute.ROUTE_ID, record.position());
                continue;
            }
            pending.add(new PendingDelivery(partner, message.getMessageId(), record.value()));
        }
        int queued = deliveries.enqueue(pending, now);
        deadLetters.publishAll(dead, batch.output());
        log.debug("Route {} queued {} webhook deliveries from {} inbox records", WebhookDeliveryRoute.ROUTE_ID, queued,
                records.size());
    }

    private HubMessage decode(ConsumedRecord record, Instant now, List<DeadLetter> dead) {
        if (record.value() == null) {
            dead.add(DeadLetters.of(record, WebhookDeliveryRoute.ROUTE_ID, null, null, DeadLetterReason.MALFORMED_AVRO,
                    "the inbox record has no value", now));
            return null;
        }
        try {
            return codec.decodeMessage(record.value());
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw new TransientFailureException("cannot decode " + record.position() + " now", e);
            }
            DeadLetterReason reason = e instanceof WireFormatException w ? DeadLetters.reasonOf(w)
                    : DeadLetterReason.MALFORMED_AVRO;
            dead.add(DeadLetters.of(record, WebhookDeliveryRoute.ROUTE_ID, null, null, reason,
                    "inbox record cannot be decoded as a HubMessage: " + e.getClass().getSimpleName(), now));
            return null;
        }
    }
}
