package no.ipshub.operations.dashboard;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets read from Kafka at one moment.
 *
 * @param begin         beginning offset per partition of every topic that exists
 * @param end           end offset per partition of every topic that exists
 * @param committed     committed offsets per consumer group; a group with none maps to an empty map
 * @param missingTopics topics asked for that do not exist
 */
public record KafkaOffsets(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end,
        Map<String, Map<TopicPartition, Long>> committed, Set<String> missingTopics) {

    /** The committed offsets of a group; empty when it has none. */
    public Map<TopicPartition, Long> committedBy(String groupId) {
        return committed.getOrDefault(groupId, Map.of());
    }
}
