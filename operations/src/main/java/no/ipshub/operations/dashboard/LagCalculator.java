package no.ipshub.operations.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag from offsets: per partition, the end offset minus the group's position. A partition without a
 * committed offset is read from its beginning (the hub's consumers start at the earliest offset), and a
 * committed offset below the beginning (records deleted by retention) counts from the beginning too, the records
 * between counted as expired.
 */
public final class LagCalculator {

    private LagCalculator() {
    }

    /**
     * The lag of a group on each of {@code topics}; topics with no known partitions are left out.
     *
     * @param begin     beginning offset per partition
     * @param end       end offset per partition
     * @param committed the group's committed offset per partition; empty when the group has none
     */
    public static List<TopicLag> lag(Collection<String> topics, Map<TopicPartition, Long> begin,
            Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed) {
        List<TopicLag> result = new ArrayList<>();
        for (String topic : topics) {
            int partitions = 0;
            long endSum = 0;
            long retained = 0;
            long position = 0;
            long lag = 0;
            long expired = 0;
            boolean anyCommitted = false;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                TopicPartition tp = e.getKey();
                if (!tp.topic().equals(topic)) {
                    continue;
                }
                long endOffset = e.getValue();
                long beginning = beginning(tp, begin, endOffset);
                Long done = committed.get(tp);
                anyCommitted |= done != null;
                long at = position(tp, beginning, endOffset, committed);
                partitions++;
                endSum += endOffset;
                retained += endOffset - beginning;
                position += at;
                lag += endOffset - at;
                expired += done == null ? 0 : Math.max(0, beginning - done);
            }
            if (partitions > 0) {
                result.add(TopicLag.of(topic, partitions, endSum, retained, position, lag, anyCommitted, expired));
            }
        }
        return result;
    }

    /**
     * Where the group's oldest unread record is, on every partition of {@code topics} where it is behind: the offset
     * it reads next.
     */
    public static Map<TopicPartition, Long> unread(Collection<String> topics, Map<TopicPartition, Long> begin,
            Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed) {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            TopicPartition tp = e.getKey();
            if (!topics.contains(tp.topic())) {
                continue;
            }
            long at = position(tp, beginning(tp, begin, e.getValue()), e.getValue(), committed);
            if (at < e.getValue()) {
                result.put(tp, at);
            }
        }
        return result;
    }

    /** The total lag over topics. */
    public static long total(Collection<TopicLag> lags) {
        return lags.stream().mapToLong(TopicLag::lag).sum();
    }

    private static long beginning(TopicPartition tp, Map<TopicPartition, Long> begin, long endOffset) {
        return Math.min(begin.getOrDefault(tp, 0L), endOffset);
    }

    private static long position(TopicPartition tp, long beginning, long endOffset,
            Map<TopicPartition, Long> committed) {
        Long done = committed.get(tp);
        return Math.min(Math.max(done == null ? beginning : done, beginning), endOffset);
    }
}
