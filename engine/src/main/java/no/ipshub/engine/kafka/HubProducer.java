package no.ipshub.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.engine.error.TransientFailureException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The hub's one shared idempotent producer (acks=all) for its own topics. Callers hand over a whole batch,
 * which is sent asynchronously and then awaited, so a batch costs one round trip, not one per record.
 */
public class HubProducer implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Duration sendTimeout;

    public HubProducer(Producer<byte[], byte[]> producer, Duration sendTimeout) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
    }

    /** Sends one record; the future completes when the broker acknowledged it. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // some failures (buffer full past max.block.ms, a closed producer) are thrown, not reported
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /**
     * Sends all records and waits until every one is acknowledged.
     *
     * @throws TransientFailureException when any record was not acknowledged in time or failed; the caller
     *                                   retries the batch, and consumers of the topic dedupe by message id
     */
    public List<RecordMetadata> sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
        records.forEach(r -> acks.add(send(r)));
        return await(acks);
    }

    /** Waits for acknowledgements of records sent earlier, with the configured timeout for all of them. */
    public List<RecordMetadata> await(List<CompletableFuture<RecordMetadata>> acks) {
        List<RecordMetadata> metadata = new ArrayList<>(acks.size());
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        try {
            for (CompletableFuture<RecordMetadata> ack : acks) {
                long left = Math.max(0, deadline - System.nanoTime());
                metadata.add(ack.get(left, TimeUnit.NANOSECONDS));
            }
            return metadata;
        } catch (ExecutionException e) {
            throw new TransientFailureException("Kafka did not accept a record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TransientFailureException("Kafka did not acknowledge within " + sendTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
