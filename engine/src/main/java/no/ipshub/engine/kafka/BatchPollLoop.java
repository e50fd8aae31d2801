package no.ipshub.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.engine.error.FailureClassifier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread of a {@code hub-kafka} endpoint: poll, hand the batch to the route, commit. The loop
 * itself is here; the jobs around it are the {@link BatchCommitter} (transaction or plain commit of one batch),
 * the {@link SeekBack} (reading a failed batch again after a back-off), the {@link PartitionHold} (pausing
 * partitions) and the {@link LoopPace} (waits, and what the supervisor is told).
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

    private final BatchConsumer owner;
    private final BatchConsumerComponent component;
    private final BatchConsumerSpec spec;
    private final int index;
    private final PoisonIsolation isolation;
    private final LoopPace pace;
    private final BatchCommitter committer;
    private final SeekBack seekBack;
    private final PartitionHold hold;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile Set<String> subscribed = Set.of();
    private KafkaConsumer<byte[], byte[]> consumer;

    BatchPollLoop(BatchConsumer owner, BatchConsumerComponent component, BatchConsumerSpec spec, int index) {
        this.owner = owner;
        this.component = component;
        this.spec = spec;
        this.index = index;
        this.isolation = new PoisonIsolation(component.retry().recordAttempts());
        this.pace = new LoopPace(new Backoff(component.retry()), component.loop(spec.routeId(), index));
        this.committer = new BatchCommitter(component, spec, index);
        this.seekBack = new SeekBack(spec, index, component.retry(), isolation, pace);
        this.hold = new PartitionHold(owner, spec);
    }

    @Override
    public void run() {
        while (pace.running()) {
            try (KafkaConsumer<byte[], byte[]> created = component.kafka().consumer(
                    LoopClients.clientId(component, spec, index), LoopClients.consumerConfig(component, spec))) {
                consumer = created;
                if (spec.topicPattern() != null) {
                    consumer.subscribe(spec.topicPattern(), this);
                } else {
                    consumer.subscribe(spec.topics(), this);
                }
                while (pace.running()) {
                    try {
                        step();
                    } catch (InterruptException e) {
                        Thread.interrupted();
                    } catch (RuntimeException e) {
                        Duration wait = pace.failed(e);
                        log.warn("Route {} consumer {} failed ({}); trying again in {} ms", spec.routeId(), index,
                                e.toString(), wait.toMillis());
                        pace.sleep(wait);
                    }
                }
            } catch (RuntimeException e) {
                Duration wait = pace.failed(e);
                log.error("Route {} consumer {} stopped; it starts again in {} ms", spec.routeId(), index,
                        wait.toMillis(), e);
                pace.sleep(wait);
            } finally {
                committer.closeProducer(Duration.ofSeconds(5));
                hold.reset();
                committed.clear();
                seekBack.clear();
            }
        }
    }

    /** Asks the loop to finish its batch and stop. */
    void stop() {
        pace.stop();
    }

    boolean isPaused() {
        return hold.isPaused();
    }

    Set<String> subscribedTopics() {
        return subscribed;
    }

    private void step() {
        seekBack.reposition(consumer);
        hold.apply(consumer);
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
            Exception failure = committer.commit(consumer, chunk, offsets, owner::process);
            if (failure != null) {
                if (!SeekBack.isRebalance(failure)
                        && isolation.failed(chunk, failure, FailureClassifier.isTransient(failure))) {
                    // a split is progress towards the record at fault: the next, smaller try need not wait long
                    pace.resetBackoff();
                }
                seekBack.failed(consumer, failure, partitionsOf(records.subList(from, records.size())), chunk.size());
                return;
            }
            offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
            pace.succeeded();
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
            failure = committer.commit(consumer, List.of(record), offsets, batch -> {
                batch.output().send(quarantine.deadLetter(spec.routeId(), record, cause, attempts));
                return null;
            });
            if (failure == null) {
                log.error("Route {} dead-lettered {} after it failed {} times in a row ({})", spec.routeId(),
                        record.position(), attempts, cause == null ? "unknown failure" : cause.toString());
                offsets.forEach((p, o) -> committed.put(p, o.offset()));
                isolation.quarantined();
                return true;
            }
        }
        seekBack.readAgain(consumer, partitionsOf(uncommitted));
        Duration wait = pace.failed(failure);
        log.warn("Route {} cannot dead-letter {} now ({}); it is read again in {} ms", spec.routeId(),
                record.position(), failure.toString(), wait.toMillis());
        pace.sleep(wait);
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
        BatchConsumerSpec.IdleWork work = spec.idleWork() != null && !hold.isPaused() && spec.idleWork().due() ? spec.idleWork() : null;
        if (advanced.isEmpty() && work == null) {
            return;
        }
        Exception failure = committer.commitIdle(consumer, advanced, work);
        if (failure == null) {
            advanced.forEach((tp, o) -> committed.put(tp, o.offset()));
            if (!seekBack.pending()) {
                pace.reportRunning();
            }
        } else if (!SeekBack.isRebalance(failure)) {
            Duration wait = pace.failed(failure);
            log.warn("Route {} could not commit while idle ({}); trying again in {} ms", spec.routeId(), failure.toString(),
                    wait.toMillis());
            pace.sleep(wait);
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
        seekBack.forget(partitions);
        if (spec.partitions() != null && !partitions.isEmpty()) {
            spec.partitions().revoked(index, partitions);
        }
    }
}
