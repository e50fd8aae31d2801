package no.ipshub.operations.activity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each partner's last-sent and last-received times forward for one batch of the canonical topics. The
 * sender and recipient come from the records' headers; records without them are decoded.
 */
final class PartnerActivityProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(PartnerActivityProcessor.class);

    private final PartnerActivityStore store;
    private final HubWireCodec codec;

    PartnerActivityProcessor(PartnerActivityStore store, HubWireCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, Instant> sent = new HashMap<>();
        Map<String, Instant> received = new HashMap<>();
        for (ConsumedRecord record : exchange.getMessage().getBody(RecordBatch.class).records()) {
            String sender = record.header(HubHeaders.SENDER);
            String recipient = record.header(HubHeaders.RECIPIENT);
            if ((sender == null || recipient == null) && record.value() != null) {
                try {
                    HubMessage message = codec.decodeMessage(record.value());
                    sender = message.getSender();
                    recipient = message.getRecipient();
                } catch (RuntimeException e) {
                    if (FailureClassifier.isTransient(e)) {
                        throw e;
                    }
                    log.warn("Route {} skipped {}: not a HubMessage ({})", PartnerActivityRoute.ROUTE_ID, record.position(),
                            e.getClass().getSimpleName());
                }
            }
            Instant at = Instant.ofEpochMilli(record.timestamp());
            if (sender != null) {
                sent.merge(sender, at, (a, b) -> a.isAfter(b) ? a : b);
            }
            if (recipient != null) {
                received.merge(recipient, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        store.record(sent, received);
    }
}
