package no.ipshub.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.error.FailureClassifier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a batch that failed: it is never skipped. The partitions it read are sought back to their committed
 * offsets before the next poll (the truth even when a commit's outcome was unknown), and the loop waits before
 * polling again, unless the failure was a rebalance.
 */
final class SeekBack {

    private static final Logger log = LoggerFactory.getLogger(SeekBack.class);

    private final BatchConsumerSpec spec;
    private final int index;
    private final RetryProperties retry;
    private final PoisonIsolation isolation;
    private final LoopPace pace;
    private final Set<TopicPartition> toReposition = new HashSet<>();

    SeekBack(BatchConsumerSpec spec, int index, RetryProperties retry, PoisonIsolation isolation, LoopPace pace) {
        this.spec = spec;
        this.index = index;
        this.retry = retry;
        this.isolation = isolation;
        this.pace = pace;
    }

    /**
     * A failed batch: the state of its partitions is caught up from the changelog before the next use (a commit
     * may have happened after all), the partitions are sought back to their committed offsets, and the loop
     * waits before polling again, unless the failure was a rebalance.
     */
    void failed(Consumer<?, ?> consumer, Exception failure, Set<TopicPartition> partitions, int size) {
        Set<TopicPartition> mine = assigned(consumer, partitions);
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
            pace.sleep(retry.initialDelay());
            return;
        }
        Duration wait = pace.failed(failure);
        if (FailureClassifier.isTransient(failure)) {
            log.warn("Route {} could not finish a batch of {} records ({}); it is read again in {} ms", spec.routeId(),
                    size, failure.toString(), wait.toMillis());
        } else {
            log.error("Route {} failed on a batch of {} records; it is read again in {} ms", spec.routeId(), size,
                    wait.toMillis(), failure);
        }
        pace.sleep(wait);
    }

    /** The partitions (those still assigned) are read again from their committed offsets. */
    void readAgain(Consumer<?, ?> consumer, Set<TopicPartition> partitions) {
        toReposition.addAll(assigned(consumer, partitions));
    }

    /** True while partitions wait to be sought back. */
    boolean pending() {
        return !toReposition.isEmpty();
    }

    /** Seeks the partitions of failed batches back to their committed offsets (the beginning when none). */
    void reposition(Consumer<?, ?> consumer) {
        if (toReposition.isEmpty()) {
            return;
        }
        Set<TopicPartition> mine = assigned(consumer, toReposition);
        if (!mine.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = consumer.committed(mine, LoopClients.CALL_TIMEOUT);
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

    /** The partitions went to another consumer. */
    void forget(Collection<TopicPartition> partitions) {
        toReposition.removeAll(partitions);
    }

    void clear() {
        toReposition.clear();
    }

    static boolean isRebalance(Exception failure) {
        return failure instanceof CommitFailedException || failure instanceof RebalanceInProgressException
                || failure instanceof FencedInstanceIdException || failure instanceof ProducerFencedException;
    }

    private static Set<TopicPartition> assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<TopicPartition> mine = new HashSet<>(partitions);
        mine.retainAll(consumer.assignment());
        return mine;
    }
}
