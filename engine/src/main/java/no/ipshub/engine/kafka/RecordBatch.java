package no.ipshub.engine.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The body of an exchange from a {@code hub-kafka} endpoint: the records of one poll, the output their results
 * go to, and work to do once the batch is committed (such as applying state changes the batch wrote to its
 * changelog). Records are in poll order, which keeps each partition's order.
 */
public final class RecordBatch {

    private final List<ConsumedRecord> records;
    private final BatchOutput output;
    private final Set<TopicPartition> assignment;
    private final List<Runnable> afterCommit = new ArrayList<>();

    public RecordBatch(List<ConsumedRecord> records, BatchOutput output, Set<TopicPartition> assignment) {
        this.records = List.copyOf(records);
        this.output = output;
        this.assignment = Set.copyOf(assignment);
    }

    /** A batch of records read outside a consumer group (tests, tools). */
    public RecordBatch(List<ConsumedRecord> records, BatchOutput output) {
        this(records, output, Set.of());
    }

    /** The partitions the consumer thread that read the batch holds now. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    /** The records of the batch; empty for the idle batch of a transactional endpoint. */
    public List<ConsumedRecord> records() {
        return records;
    }

    /** Where the batch's results go. */
    public BatchOutput output() {
        return output;
    }

    /** Runs {@code task} after the batch is committed, and never when it is not. */
    public void afterCommit(Runnable task) {
        afterCommit.add(task);
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }
}
