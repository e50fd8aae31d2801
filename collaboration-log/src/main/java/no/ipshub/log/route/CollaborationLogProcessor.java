package no.ipshub.log.route;

import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.store.BatchOutcome;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.routes.error.FailureClassifier;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.kafka.ConsumedRecord;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.kafka.RecordBatch;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch of canonical records for the collaboration log: decodes and pseudonymises each message,
 * writes the batch to the store in one transaction and, inside it, to the log topic. A failure of the
 * registry, database or broker fails the batch, which is aborted and read again after a back-off.
 *
 * <p>A record that cannot be decoded is skipped with a warning naming its position: the partner-ingress route
 * wrote it, so it cannot happen unless the canonical topics were written by something else.
 */
public class CollaborationLogProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(CollaborationLogProcessor.class);

    private final HubWireCodec codec;
    private final CollaborationLogMapper mapper;
    private final CollaborationLogStore store;
    private final CollaborationLogPublisher publisher;

    public CollaborationLogProcessor(HubWireCodec codec, CollaborationLogMapper mapper, CollaborationLogStore store,
            CollaborationLogPublisher publisher) {
        this.codec = codec;
        this.mapper = mapper;
        this.store = store;
        this.publisher = publisher;
    }

    @Override
    public void process(Exchange exchange) {
        List<ConsumedRecord> records = exchange.getMessage().getBody(RecordBatch.class).records();
        List<LogEvent> events = new ArrayList<>(records.size());
        for (ConsumedRecord record : records) {
            LogEvent event = event(record);
            if (event != null) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        BatchOutcome outcome = store.write(events, publisher::publish);
        log.debug("Route {} logged {} entries from {} records ({} left out for want of consent, {} waiting for their "
                + "referral, {} tombstones)", CollaborationLogRoute.ROUTE_ID, outcome.entries().size(), records.size(),
                outcome.plan().dropped(), outcome.plan().pendingToPark().size(), outcome.tombstones().size());
    }

    private LogEvent event(ConsumedRecord record) {
        if (record.value() == null) {
            log.warn("Route {} skipped {}: the record has no value", CollaborationLogRoute.ROUTE_ID, record.position());
            return null;
        }
        HubMessage message;
        try {
            message = codec.decodeMessage(record.value());
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw new TransientFailureException("cannot decode " + record.position() + " now", e);
            }
            log.warn("Route {} skipped {}: not a HubMessage ({})", CollaborationLogRoute.ROUTE_ID, record.position(),
                    e.getClass().getSimpleName());
            return null;
        }
        try {
            return mapper.map(message);
        } catch (IllegalArgumentException e) {
            log.warn("Route {} skipped message {} at {}: {}", CollaborationLogRoute.ROUTE_ID, message.getMessageId(),
                    record.position(), e.getMessage());
            return null;
        }
    }
}
