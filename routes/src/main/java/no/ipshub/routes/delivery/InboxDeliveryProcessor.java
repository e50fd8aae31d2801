package no.ipshub.routes.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.routes.error.FailureClassifier;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.inbox.InboxDelivery;
import no.ipshub.routes.inbox.InboxStore;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.ConsumedRecord;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one batch of canonical records: stores each message in its recipient's inbox (one JDBC batch, once
 * per recipient and message id), then produces it to the recipient's inbox topic with the canonical bytes
 * unchanged, and waits for Kafka's acknowledgement. The route commits afterwards.
 */
@Component
public class InboxDeliveryProcessor implements Processor {

    static final String MESSAGE_ID_HEADER = "ips-message-id";
    private static final Logger log = LoggerFactory.getLogger(InboxDeliveryProcessor.class);

    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final HubWireCodec codec;
    private final InboxStore inbox;
    private final HubProducer producer;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public InboxDeliveryProcessor(HubTopics topics, PartnerDirectory partners, HubWireCodec codec, InboxStore inbox,
            HubProducer producer, DeadLetterPublisher deadLetters) {
        this.topics = topics;
        this.partners = partners;
        this.codec = codec;
        this.inbox = inbox;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void process(Exchange batch) {
        List<Exchange> exchanges = BatchOffsets.records(batch);
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<InboxDelivery> deliveries = new ArrayList<>(exchanges.size());
        List<DeadLetter> dead = new ArrayList<>();
        for (Exchange e : exchanges) {
            ConsumedRecord record = ConsumedRecord.of(e);
            HubMessage message = decode(record, now, dead);
            if (message == null) {
                continue;
            }
            if (partners.find(message.getRecipient()).isEmpty()) {
                dead.add(DeadLetters.of(record, InboxDeliveryRoute.ROUTE_ID, message.getSender(),
                        MessageIds.uuidOrNull(message.getMessageId()),
                        DeadLetterReason.UNKNOWN_PARTNER, "recipient is no longer a partner of the hub", now));
                continue;
            }
            deliveries.add(new InboxDelivery(message.getRecipient(), message.getMessageId(), message.getCaseId(),
                    message.getSender(), record.value(), record.topic(), record.partition(), record.offset()));
        }
        List<InboxDelivery> toPublish = inbox.store(deliveries, now);
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(toPublish.size());
        for (InboxDelivery d : toPublish) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.inboxFor(d.recipient()),
                    d.caseId().getBytes(StandardCharsets.UTF_8), d.wireBytes());
            record.headers().add(MESSAGE_ID_HEADER, d.messageId().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        deadLetters.publishAll(dead);
        producer.await(acks);
        log.debug("Route {} delivered {} of {} records in {} ms ({} duplicates, {} dead letters)",
                InboxDeliveryRoute.ROUTE_ID, toPublish.size(), exchanges.size(), (System.nanoTime() - started) / 1_000_000,
                deliveries.size() - toPublish.size(), dead.size());
    }

    private HubMessage decode(ConsumedRecord record, Instant now, List<DeadLetter> dead) {
        if (record.value() == null) {
            dead.add(DeadLetters.of(record, InboxDeliveryRoute.ROUTE_ID, null, null, DeadLetterReason.MALFORMED_AVRO,
                    "the record has no value", now));
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
            dead.add(DeadLetters.of(record, InboxDeliveryRoute.ROUTE_ID, null, null, reason,
                    "cannot be decoded as a HubMessage: " + e.getClass().getSimpleName(), now));
            return null;
        }
    }
}
