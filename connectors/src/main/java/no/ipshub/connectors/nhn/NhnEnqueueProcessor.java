package no.ipshub.connectors.nhn;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.ipshub.connectors.outbound.InboxBatchReader;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch of inbox records for the {@code nhn-outbound} route: each message addressed to a partner
 * that receives over Norsk helsenett goes into the {@code nhn_delivery} outbox (once per partner and message id,
 * whatever Kafka redelivers), and its message id is remembered as a conversation of its case, so that a reply
 * finds the case. Other records are skipped; a record that cannot be decoded becomes a dead letter.
 */
public class NhnEnqueueProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(NhnEnqueueProcessor.class);

    private final NhnAddressStore addresses;
    private final NhnDeliveryStore deliveries;
    private final NhnConversationStore conversations;
    private final InboxBatchReader inbox;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public NhnEnqueueProcessor(HubTopics topics, NhnAddressStore addresses, NhnDeliveryStore deliveries,
            NhnConversationStore conversations, HubWireCodec codec, DeadLetterPublisher deadLetters, Clock clock) {
        this.addresses = addresses;
        this.deliveries = deliveries;
        this.conversations = conversations;
        this.inbox = new InboxBatchReader(topics, codec, NhnOutboundRoute.ROUTE_ID);
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        RecordBatch batch = exchange.getMessage().getBody(RecordBatch.class);
        if (batch.records().isEmpty()) {
            return;
        }
        Map<String, NhnAddress> receivers = addresses.all().stream().filter(NhnAddress::deliverOverNhn)
                .collect(Collectors.toMap(NhnAddress::partnerId, Function.identity()));
        if (receivers.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<NhnDeliveryStore.NewDelivery> queued = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (InboxBatchReader.Addressed addressed : inbox.read(batch.records(), receivers::containsKey, now, dead)) {
            String partner = addressed.partner();
            HubMessage message = addressed.message();
            ConsumedRecord record = addressed.record();
            queued.add(new NhnDeliveryStore.NewDelivery(partner, message.getMessageId(), message.getCaseId(),
                    receivers.get(partner).herId(), record.topic(), record.partition(), record.offset(),
                    record.value()));
            conversations.open(new NhnConversationStore.Conversation(message.getMessageId(), message.getCaseId(),
                    partner, message.getSender()), now);
        }
        deliveries.enqueue(queued, now);
        deadLetters.publishAll(dead, batch.output());
        log.debug("Route {} queued {} messages for Norsk helsenett from {} inbox records", NhnOutboundRoute.ROUTE_ID,
                queued.size(), batch.records().size());
    }
}
