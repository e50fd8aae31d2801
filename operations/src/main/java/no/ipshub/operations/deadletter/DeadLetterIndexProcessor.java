package no.ipshub.operations.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.schemas.v1.DeadLetter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes one batch of the dead-letter topic: decodes each {@link DeadLetter} and writes the batch to the
 * {@link DeadLetterStore} in one transaction. A record that cannot be decoded is indexed whole rather than
 * dropped; only an unavailable registry or database escapes, and the route then retries the batch.
 */
public class DeadLetterIndexProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterIndexProcessor.class);

    private final AvroWireCodec codec;
    private final DeadLetterStore store;
    private final Clock clock;

    public DeadLetterIndexProcessor(AvroWireCodec codec, DeadLetterStore store, Clock clock) {
        this.codec = codec;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        List<ConsumedRecord> records = exchange.getMessage().getBody(RecordBatch.class).records();
        Instant now = clock.instant();
        List<IndexedDeadLetter> letters = new ArrayList<>(records.size());
        for (ConsumedRecord record : records) {
            if (record.value() == null) {
                log.warn("Route {} skipped an empty record at {}", DeadLetterIndexRoute.ROUTE_ID, record.position());
                continue;
            }
            letters.add(decode(record, now));
        }
        int added = store.index(letters, now);
        log.debug("Route {} indexed {} new of {} dead letters", DeadLetterIndexRoute.ROUTE_ID, added, letters.size());
    }

    private IndexedDeadLetter decode(ConsumedRecord record, Instant now) {
        try {
            return IndexedDeadLetter.of(codec.decode(record.value(), DeadLetter.class));
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw new TransientFailureException("cannot decode dead letter " + record.position() + " now", e);
            }
            WireFormatException.Kind kind = e instanceof WireFormatException w ? w.kind()
                    : WireFormatException.Kind.MALFORMED_AVRO;
            log.error("Route {} cannot decode the dead-letter record at {} ({}); indexing its raw bytes",
                    DeadLetterIndexRoute.ROUTE_ID, record.position(), kind);
            return IndexedDeadLetter.unreadable(record, DeadLetterIndexRoute.ROUTE_ID, kind, now);
        }
    }
}
