package no.ipshub.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the work of one batch with its consumer offsets. A transactional endpoint does both in one Kafka
 * transaction ({@code sendOffsetsToTransaction} with the consumer's group metadata, so an instance that lost its
 * partitions in a rebalance is fenced and its transaction fails); a plain endpoint waits until Kafka acknowledged
 * what the route sent, then commits the offsets. The batch's after-commit work runs only after the commit. Keeps
 * the loop's transactional producer.
 */
final class BatchCommitter {

    private static final Logger log = LoggerFactory.getLogger(BatchCommitter.class);

    /** The work of one transaction or commit: a route's batch, idle work or a dead letter. */
    @FunctionalInterface
    interface Body {
        Exception run(RecordBatch batch);
    }

    private final BatchConsumerComponent component;
    private final BatchConsumerSpec spec;
    private final int index;
    private Producer<byte[], byte[]> producer;

    BatchCommitter(BatchConsumerComponent component, BatchConsumerSpec spec, int index) {
        this.component = component;
        this.spec = spec;
        this.index = index;
    }

    /** Runs {@code body} on the records and commits it with the offsets. Null when committed, otherwise the failure. */
    Exception commit(Consumer<byte[], byte[]> consumer, List<ConsumedRecord> records,
            Map<TopicPartition, OffsetAndMetadata> offsets, Body body) {
        return spec.transactional() ? inTransaction(consumer, records, offsets, body)
                : plain(consumer, records, offsets, body);
    }

    /**
     * Commits offsets that moved while nothing was polled, with the endpoint's idle work (if any, and only on a
     * transactional endpoint) in the same transaction. Null when committed, otherwise the failure.
     */
    Exception commitIdle(Consumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> advanced,
            BatchConsumerSpec.IdleWork work) {
        if (spec.transactional()) {
            return inTransaction(consumer, List.of(), advanced, batch -> runIdleWork(work, batch));
        }
        try {
            consumer.commitSync(advanced, LoopClients.CALL_TIMEOUT);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private Exception plain(Consumer<byte[], byte[]> consumer, List<ConsumedRecord> records,
            Map<TopicPartition, OffsetAndMetadata> offsets, Body body) {
        HubProducer out = component.plainProducer();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        RecordBatch batch = new RecordBatch(records, record -> acks.add(out.send(record)), consumer.assignment());
        Exception failure = body.run(batch);
        if (failure != null) {
            return failure;
        }
        try {
            out.await(acks);
            consumer.commitSync(offsets, LoopClients.CALL_TIMEOUT);
        } catch (RuntimeException e) {
            return e;
        }
        batch.committed();
        return null;
    }

    /**
     * Runs the batch (or, with no records, the idle work) in one transaction with the offsets. Null when
     * committed, otherwise the failure; the transaction is then aborted.
     */
    private Exception inTransaction(Consumer<byte[], byte[]> consumer, List<ConsumedRecord> records,
            Map<TopicPartition, OffsetAndMetadata> offsets, Body body) {
        Producer<byte[], byte[]> tx;
        try {
            tx = producer();
            tx.beginTransaction();
        } catch (RuntimeException e) {
            closeProducer(Duration.ZERO);
            return e;
        }
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        RecordBatch batch = new RecordBatch(records, record -> send(tx, record, sendFailure), consumer.assignment());
        Exception failure = body.run(batch);
        if (failure == null) {
            failure = sendFailure.get();
        }
        if (failure == null) {
            try {
                long processed = System.nanoTime();
                if (!offsets.isEmpty()) {
                    tx.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                }
                long offsetsSent = System.nanoTime();
                tx.commitTransaction();
                log.debug("Route {}: offsets sent in {} ms, transaction committed in {} ms", spec.routeId(),
                        (offsetsSent - processed) / 1_000_000, (System.nanoTime() - offsetsSent) / 1_000_000);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            abort(tx, failure);
            return failure;
        }
        batch.committed();
        return null;
    }

    private static Exception runIdleWork(BatchConsumerSpec.IdleWork idleWork, RecordBatch batch) {
        try {
            idleWork.run(batch);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void send(Producer<byte[], byte[]> tx, ProducerRecord<byte[], byte[]> record,
            AtomicReference<Exception> sendFailure) {
        try {
            tx.send(record, (metadata, error) -> {
                if (error != null) {
                    sendFailure.compareAndSet(null, error);
                }
            });
        } catch (RuntimeException e) {
            sendFailure.compareAndSet(null, e);
        }
    }

    private void abort(Producer<byte[], byte[]> tx, Exception failure) {
        if (isFatalForProducer(failure)) {
            closeProducer(Duration.ZERO);
            return;
        }
        try {
            tx.abortTransaction();
        } catch (RuntimeException e) {
            // the outcome of the commit is unknown, or the producer is unusable: a new producer with the same
            // transactional id finishes or aborts whatever is pending when it initialises
            closeProducer(Duration.ZERO);
        }
    }

    private static boolean isFatalForProducer(Exception failure) {
        return failure instanceof ProducerFencedException || failure instanceof InvalidProducerEpochException
                || failure instanceof FencedInstanceIdException || failure instanceof OutOfOrderSequenceException
                || failure instanceof AuthorizationException || failure instanceof UnsupportedVersionException;
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            String clientId = LoopClients.clientId(component, spec, index);
            Producer<byte[], byte[]> created = component.kafka().transactionalProducer(clientId, clientId,
                    LoopClients.producerConfig(component));
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                log.debug("Route {} could not close its producer cleanly: {}", spec.routeId(), e.toString());
            }
            producer = null;
        }
    }
}
