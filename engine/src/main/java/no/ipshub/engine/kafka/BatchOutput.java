package no.ipshub.engine.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Where a route writes the records a batch produces. They count only with the batch: on a transactional
 * consumer they are part of the batch's Kafka transaction with its consumer offsets; on a plain consumer the
 * offsets are committed only after Kafka acknowledged every one of them.
 */
@FunctionalInterface
public interface BatchOutput {

    /** Sends {@code record} as part of the batch. */
    void send(ProducerRecord<byte[], byte[]> record);
}
