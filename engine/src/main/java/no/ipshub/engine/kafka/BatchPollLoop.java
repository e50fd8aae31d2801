package no.ipshub.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.supervision.LoopHandle;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread of a {@code hub-kafka} endpoint: poll, hand the batch to the route, commit.
 *
 * <ul>
 *   <li>Transactional endpoints begin a Kafka transaction per batch; everything the route sends and the batch's
 *       consumer offsets are committed together ({@code sendOffsetsToTransaction} with the consumer's group
 *       metadata, so an instance that lost its partitions in a rebalance is fenced and its transaction fails).
 *       The batch's after-commit work (state changes) runs only after the commit.</li>
 *   <li>Plain endpoints wait until Kafka acknowledged what the route sent, then commit the offsets.</li>
 *   <li>Offsets committed are the consumer's positions, which lie past the transaction markers of topics written
 *       transactionally, so a consumer that has read everything shows no lag.</li>
 *   <li>A batch that fails is never skipped: its transaction is aborted, the partitions are sought back to their
 *       committed offsets (the truth even when a commit's outcome was unknown) and polled again after a back-off.
 *       Records the route cannot process are its own business (dead letters); what reaches this loop should be a
 *       dependency being away, or a rebalance. When a failure keeps following the same records all the same,
 *       {@link PoisonIsolation} splits the batch until it finds the one record, which is dead-lettered through the
 *       component's {@link Quarantine} (once the route's {@link DependencyProbe} answers) and the partition moves
 *       on.</li>
 *   <li>Partitions whose state is not ready (being restored) are paused until it is; the others go on.</li>
 *   <li>A failure of the loop itself (its consumer cannot be made or subscribed) closes the consumer and starts
 *       again after a back-off: the thread never ends before the route stops.</li>
 * </ul>
 */
final class BatchPollLoop implements Runnable, ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(BatchPollLoop.class);
    private static final Duration CLIENT_CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int TRANSACTION_RETRY_BACKOFF_MS = 2;
    private static final int TRANSACTION_RETRY_BACKOFF_MAX_MS = 20;

    private final BatchConsumer owner;
    private final BatchConsumerComponent component;
    private final BatchConsumerSpec spec;
    private final int index;
    private final Backoff backoff;
    private final PoisonIsolation isolation;
    private final LoopHandle loop;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Object sleeper = new Object();
    private final Set<TopicPartition> toReposition = new HashSet<>();
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile Set<String> subscribed = Set.of();
    private KafkaConsumer<byte[], byte[]> consumer;
    private Producer<byte[], byte[]> producer;

    BatchPollLoop(BatchConsumer owner, BatchConsumerComponent component, BatchConsumerSpec spec, int index) {
        this.owner = owner;
        this.component = component;
        this.spec = spec;
        this.index = index;
        this.backoff = new Backoff(component.retry());
        this.isolation = new PoisonIsolation(component.retry().recordAttempts());
        this.loop = component.loop(spec.routeId(), index);
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> created = component.kafka().consumer(clientId(), consumerConfig())) {
                consumer = created;
                if (spec.topicPattern() != null) {
                    consumer.subscribe(spec.topicPattern(), this);
                } else {
                    consumer.subscribe(spec.topics(), this);
                }
                while (running) {
                    try {
                        step();
                    } catch (InterruptException e) {
                        Thread.interrupted();
                    } catch (RuntimeException e) {
                        Duration wait = backoff.next();
                        log.warn("Route {} consumer {} failed ({}); trying again in {} ms", spec.routeId(), index,
                                e.toString(), wait.toMillis());
                        reportFailure(e, wait);
                        sleep(wait);
                    }
                }
            } catch (RuntimeException e) {
                Duration wait = backoff.next();
                log.error("Route {} consumer {} stopped; it starts again in {} ms", spec.routeId(), index,
                        wait.toMillis(), e);
                reportFailure(e, wait);
                sleep(wait);
            } finally {
                closeProducer(Duration.ofSeconds(5));
                paused = false;
                committed.clear();
                toReposition.clear();
            }
        }
    }

    private void reportFailure(Throwable failure, Duration retryIn) {
        if (loop != null) {
            loop.failed(failure, retryIn);
        }
    }

    private void reportRunning() {
        if (loop != null) {
            loop.running();
        }
    }

    /** Asks the loop to finish its batch and stop. */
    void stop() {
        running = false;
        if (loop != null) {
            loop.stopped();
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    boolean isPaused() {
        return paused;
    }

    Set<String> subscribedTopics() {
        return subscribed;
    }

    private void step() {
        if (!toReposition.isEmpty()) {
            reposition();
        }
        holdBack();
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(component.consumerProperties().pollTimeout());
        if (polled.isEmpty()) {
            idle();
            return;
        }
        List<ConsumedRecord> records = new ArrayList<>(polled.count());
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            records.add(ConsumedRecord.of(record));
            lastOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        int from = 0;
        while (from < records.size()) {
            ConsumedRecord next = records.get(from);
            if (isolation.quarantineDue(next)) {
                if (!quarantine(next, records.subList(from, records.size()), lastOffsets)) {
                    return;
                }
                from++;
                continue;
            }
            int size = Math.min(isolation.limit(), records.size() - from);
            List<ConsumedRecord> chunk = records.subList(from, from + size);
            Map<TopicPartition, OffsetAndMetadata> offsets = offsetsAfter(chunk, lastOffsets);
            long started = System.nanoTime();
            Exception failure = spec.transactional() ? inTransaction(chunk, offsets, owner::process)
                    : plain(chunk, offsets, owner::process);
            if (failure != null) {
                if (!isRebalance(failure) && isolation.failed(chunk, failure, FailureClassifier.isTransient(failure))) {
                    // a split is progress towards the record at fault: the next, smaller try need not wait long
                    backoff.reset();
                }
                failed(failure, partitionsOf(records.subList(from, records.size())), chunk.size());
                return;
            }
            offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
            backoff.reset();
            reportRunning();
            isolation.committed(size);
            from += size;
            log.debug("Route {} committed a batch of {} records in {} ms", spec.routeId(), size,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Dead-letters a record the route keeps failing on, with the offset past it, once the route's dependencies
     * answer. False when that could not be done now: the records not yet committed are then read again after a
     * back-off.
     */
    private boolean quarantine(ConsumedRecord record, List<ConsumedRecord> uncommitted,
            Map<TopicPartition, Long> lastOffsets) {
        Quarantine quarantine = component.quarantine();
        Exception failure = quarantine == null ? new IllegalStateException("the route has no dead-letter writer")
                : dependenciesDown();
        if (failure == null) {
            Exception cause = isolation.lastFailure();
            int attempts = isolation.failures();
            Map<TopicPartition, OffsetAndMetadata> offsets = offsetsAfter(List.of(record), lastOffsets);
            BatchBody body = batch -> {
                batch.output().send(quarantine.deadLetter(spec.routeId(), record, cause, attempts));
                return null;
            };
            failure = spec.transactional() ? inTransaction(List.of(record), offsets, body)
                    : plain(List.of(record), offsets, body);
            if (failure == null) {
                log.error("Route {} dead-lettered {} after it failed {} times in a row ({})", spec.routeId(),
                        record.position(), attempts, cause == null ? "unknown failure" : cause.toString());
                offsets.forEach((p, o) -> committed.put(p, o.offset()));
                isolation.quarantined();
                return true;
            }
        }
        toReposition.addAll(assigned(partitionsOf(uncommitted)));
        Duration wait = backoff.next();
        reportFailure(failure, wait);
        log.warn("Route {} cannot dead-letter {} now ({}); it is read again in {} ms", spec.routeId(),
                record.position(), failure.toString(), wait.toMillis());
        sleep(wait);
        return false;
    }

    /** Null when the route's dependencies answer (or it names none); otherwise why not. */
    private Exception dependenciesDown() {
        if (spec.probe() == null) {
            return null;
        }
        try {
            spec.probe().check();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /**
     * The offsets to commit after {@code chunk}: past its last record of each partition, or the consumer's
     * position (past transaction markers) where the chunk ends the partition's records of the poll.
     */
    private Map<TopicPartition, OffsetAndMetadata> offsetsAfter(List<ConsumedRecord> chunk,
            Map<TopicPartition, Long> lastOffsets) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumedRecord record : chunk) {
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((tp, offset) -> {
            boolean endsPoll = lastOffsets.get(tp) + 1 == offset;
            offsets.put(tp, new OffsetAndMetadata(endsPoll ? Math.max(offset, consumer.position(tp)) : offset));
        });
        return offsets;
    }

    private static Set<TopicPartition> partitionsOf(List<ConsumedRecord> records) {
        Set<TopicPartition> partitions = new HashSet<>();
        records.forEach(r -> partitions.add(new TopicPartition(r.topic(), r.partition())));
        return partitions;
    }

    private Set<TopicPartition> assigned(Collection<TopicPartition> partitions) {
        Set<TopicPartition> mine = new HashSet<>(partitions);
        mine.retainAll(consumer.assignment());
        return mine;
    }

    /**
     * Suspending the route pauses every assigned partition (again after a rebalance); resuming undoes it.
     * Otherwise partitions whose state is not ready are paused, and resumed once it is.
     */
    private void holdBack() {
        Set<TopicPartition> assignment = consumer.assignment();
        if (owner.suspendRequested()) {
            consumer.pause(assignment);
            paused = true;
            return;
        }
        paused = false;
        Set<TopicPartition> notReady = spec.partitions() == null ? Set.of() : spec.partitions().notReady(assignment);
        Set<TopicPartition> toResume = new HashSet<>(consumer.paused());
        toResume.removeAll(notReady);
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
        if (!notReady.isEmpty()) {
            consumer.pause(notReady);
        }
    }

    /** The work of one transaction or commit: a route's batch, idle work or a dead letter. */
    @FunctionalInterface
    private interface BatchBody {
        Exception run(RecordBatch batch);
    }

    private Exception plain(List<ConsumedRecord> records, Map<TopicPartition, OffsetAndMetadata> offsets,
            BatchBody body) {
        HubProducer out = component.plainProducer();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        RecordBatch batch = new RecordBatch(records, record -> acks.add(out.send(record)), consumer.assignment());
        Exception failure = body.run(batch);
        if (failure != null) {
            return failure;
        }
        try {
            out.await(acks);
            consumer.commitSync(offsets, CLIENT_CALL_TIMEOUT);
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
    private Exception inTransaction(List<ConsumedRecord> records, Map<TopicPartition, OffsetAndMetadata> offsets,
            BatchBody body) {
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

    /**
     * A failed batch: the state of its partitions is caught up from the changelog before the next use (a commit
     * may have happened after all), the partitions are sought back to their committed offsets, and the loop
     * waits before polling again, unless the failure was a rebalance.
     */
    private void failed(Exception failure, Set<TopicPartition> partitions, int size) {
        Set<TopicPartition> mine = assigned(partitions);
        if (spec.partitions() != null && !mine.isEmpty()) {
            spec.partitions().uncertain(index, mine);
        }
        toReposition.addAll(mine);
        if (isRebalance(failure)) {
            log.info("Route {} handed a batch of {} records back after a rebalance: {}", spec.routeId(), size,
                    failure.toString());
            return;
        }
        if (isolation.isolating() && !FailureClassifier.isTransient(failure)) {
            // the records are being split to find the one the route fails on: no reason to wait long
            log.warn("Route {} failed on a batch of {} records ({}); splitting it to find the record",
                    spec.routeId(), size, failure.toString());
            sleep(component.retry().initialDelay());
            return;
        }
        Duration wait = backoff.next();
        reportFailure(failure, wait);
        if (FailureClassifier.isTransient(failure)) {
            log.warn("Route {} could not finish a batch of {} records ({}); it is read again in {} ms", spec.routeId(),
                    size, failure.toString(), wait.toMillis());
        } else {
            log.error("Route {} failed on a batch of {} records; it is read again in {} ms", spec.routeId(), size,
                    wait.toMillis(), failure);
        }
        sleep(wait);
    }

    private static boolean isRebalance(Exception failure) {
        return failure instanceof CommitFailedException || failure instanceof RebalanceInProgressException
                || failure instanceof FencedInstanceIdException || failure instanceof ProducerFencedException;
    }

    /** Seeks the partitions of failed batches back to their committed offsets (the beginning when none). */
    private void reposition() {
        Set<TopicPartition> mine = new HashSet<>(toReposition);
        mine.retainAll(consumer.assignment());
        if (!mine.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = consumer.committed(mine, CLIENT_CALL_TIMEOUT);
            List<TopicPartition> never = new ArrayList<>();
            for (TopicPartition tp : mine) {
                OffsetAndMetadata offset = offsets.get(tp);
                if (offset == null) {
                    never.add(tp);
                } else {
                    consumer.seek(tp, offset);
                }
            }
            if (!never.isEmpty()) {
                consumer.seekToBeginning(never);
            }
        }
        toReposition.clear();
    }

    /**
     * Nothing was polled: commits positions that moved past transaction markers since the last commit, and
     * does the endpoint's idle work, in one transaction on a transactional endpoint.
     */
    private void idle() {
        Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>();
        Set<TopicPartition> assignment = consumer.assignment();
        committed.keySet().retainAll(assignment);
        committed.forEach((tp, offset) -> {
            long position = consumer.position(tp);
            if (position > offset) {
                advanced.put(tp, new OffsetAndMetadata(position));
            }
        });
        BatchConsumerSpec.IdleWork work = spec.idleWork() != null && !paused && spec.idleWork().due() ? spec.idleWork() : null;
        if (advanced.isEmpty() && work == null) {
            return;
        }
        Exception failure;
        if (spec.transactional()) {
            failure = inTransaction(List.of(), advanced, batch -> runIdleWork(work, batch));
        } else {
            try {
                consumer.commitSync(advanced, CLIENT_CALL_TIMEOUT);
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure == null) {
            advanced.forEach((tp, o) -> committed.put(tp, o.offset()));
            if (toReposition.isEmpty()) {
                reportRunning();
            }
        } else if (!isRebalance(failure)) {
            Duration wait = backoff.next();
            reportFailure(failure, wait);
            log.warn("Route {} could not commit while idle ({}); trying again in {} ms", spec.routeId(), failure.toString(),
                    wait.toMillis());
            sleep(wait);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        subscribed = Set.copyOf(consumer.subscription());
        if (spec.partitions() != null && !partitions.isEmpty()) {
            spec.partitions().assigned(index, partitions);
        }
        if (!partitions.isEmpty()) {
            log.info("Route {} consumer {} was assigned {} partitions", spec.routeId(), index, partitions.size());
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(committed::remove);
        toReposition.removeAll(partitions);
        if (spec.partitions() != null && !partitions.isEmpty()) {
            spec.partitions().revoked(index, partitions);
        }
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Producer<byte[], byte[]> created = component.kafka().transactionalProducer(clientId(), clientId(),
                    producerConfig());
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

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                log.debug("Route {} could not close its producer cleanly: {}", spec.routeId(), e.toString());
            }
            producer = null;
        }
    }

    private void sleep(Duration wait) {
        synchronized (sleeper) {
            if (!running) {
                return;
            }
            try {
                sleeper.wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Also the producer's transactional id: the same route, instance and thread fence their predecessor. */
    private String clientId() {
        return "ips-hub-" + spec.routeId() + "-" + component.instance().id() + "-" + index;
    }

    /** What this loop's consumer needs beyond a hub consumer's settings. */
    private Map<String, Object> consumerConfig() {
        ConsumerProperties settings = component.consumerProperties();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, spec.groupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, spec.maxPollRecords(settings.maxPollRecords()));
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, settings.sessionTimeout().toMillis() / 3));
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.metadataRefresh().toMillis());
        if (spec.transactional()) {
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CoPartitionedAssignor.class.getName());
            config.put(CoPartitionedAssignor.STATE_PARTITIONS_CONFIG, Integer.toString(spec.statePartitions()));
        }
        return config;
    }

    /** What this loop's transactional producer needs beyond a hub producer's settings. */
    private Map<String, Object> producerConfig() {
        ProducerProperties settings = component.producerProperties();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compressionType());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxRequestBytes());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerProperties.BUFFER_BYTES);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.sendTimeout().toMillis());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) component.consumerProperties().transactionTimeout().toMillis());
        // The next transaction's first request usually meets the previous one's markers still being written
        // (CONCURRENT_TRANSACTIONS) and is retried: with the default 100 ms back-off every batch waited 100 ms.
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MS);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MAX_MS);
        return config;
    }
}
