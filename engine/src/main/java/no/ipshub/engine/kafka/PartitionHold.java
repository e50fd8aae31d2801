package no.ipshub.engine.kafka;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which of a poll loop's partitions it holds back: every assigned one while the route is suspended (again after a
 * rebalance), otherwise those whose state is not ready (being restored), until it is.
 */
final class PartitionHold {

    private final BatchConsumer owner;
    private final BatchConsumerSpec spec;
    private volatile boolean paused;

    PartitionHold(BatchConsumer owner, BatchConsumerSpec spec) {
        this.owner = owner;
        this.spec = spec;
    }

    /** Pauses and resumes the consumer's partitions before the next poll. */
    void apply(Consumer<?, ?> consumer) {
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

    /** True while the route is suspended and this loop has paused all its partitions. */
    boolean isPaused() {
        return paused;
    }

    /** The loop's consumer is gone: nothing is paused any more. */
    void reset() {
        paused = false;
    }
}
