package no.ipshub.engine.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a {@code hub-kafka} consumer writes instead of a record it keeps failing on (see {@link PoisonIsolation}):
 * a dead letter holding the record and the failure, committed with the offset past the record.
 */
public interface Quarantine {

    /**
     * The record to write in place of {@code record}.
     *
     * @param routeId  the route that failed on it
     * @param failure  the last failure
     * @param attempts how often it failed in a row
     */
    ProducerRecord<byte[], byte[]> deadLetter(String routeId, ConsumedRecord record, Exception failure, int attempts);
}
