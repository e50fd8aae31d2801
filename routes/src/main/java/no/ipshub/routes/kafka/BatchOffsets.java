package no.ipshub.routes.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits or rewinds the offsets of a Camel Kafka batch ({@code batching=true}, manual commit). Runs on the
 * consumer's own thread, as the route does, so touching the consumer is safe.
 */
public final class BatchOffsets {

    private static final Logger log = LoggerFactory.getLogger(BatchOffsets.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private BatchOffsets() {
    }

    /** The exchanges of a batch exchange's body; empty when the body is not a Kafka batch. */
    @SuppressWarnings("unchecked")
    public static List<Exchange> records(Exchange batch) {
        Object body = batch.getMessage().getBody();
        if (body instanceof List<?> list && (list.isEmpty() || list.get(0) instanceof Exchange)) {
            return (List<Exchange>) list;
        }
        return List.of();
    }

    /**
     * Commits, for every partition in the batch, the offset after its last record: the batch is done. A commit
     * refused because the partitions moved to another consumer is logged and dropped; that consumer re-reads
     * the records and the hub's idempotency absorbs the repeat.
     */
    public static void commit(List<Exchange> batch, String routeId) {
        Consumer<?, ?> consumer = consumerOf(batch);
        if (consumer == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (Exchange e : batch) {
            ConsumedRecord r = ConsumedRecord.of(e);
            next.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            consumer.commitSync(next, COMMIT_TIMEOUT);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("Route {} could not commit {} records after a rebalance; they will be read again: {}",
                    routeId, batch.size(), e.toString());
        }
    }

    /**
     * Seeks every partition in the batch back to its first record, so the next poll hands the batch over
     * again. Used when a batch cannot be finished now: nothing is committed and nothing is skipped.
     */
    public static void rewind(List<Exchange> batch) {
        Consumer<?, ?> consumer = consumerOf(batch);
        if (consumer == null) {
            return;
        }
        Map<TopicPartition, Long> first = new HashMap<>();
        for (Exchange e : batch) {
            ConsumedRecord r = ConsumedRecord.of(e);
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    private static Consumer<?, ?> consumerOf(List<Exchange> batch) {
        if (batch.isEmpty()) {
            return null;
        }
        KafkaManualCommit manual = batch.get(batch.size() - 1).getMessage()
                .getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual instanceof DefaultKafkaManualCommit commit) {
            return commit.getConsumer();
        }
        throw new IllegalStateException("the Kafka endpoint must use allowManualCommit=true with the default commit factory");
    }
}
