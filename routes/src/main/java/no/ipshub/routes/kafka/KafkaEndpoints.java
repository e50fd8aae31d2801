package no.ipshub.routes.kafka;

import java.util.List;

/**
 * Builds the URIs of the hub's batch consumers. Brokers, serdes and security come from the {@code kafka}
 * component configured once; a URI only says what the route reads and how it commits.
 */
public final class KafkaEndpoints {

    private KafkaEndpoints() {
    }

    /**
     * A batching consumer of {@code topics} in consumer group {@code groupId} that never commits by itself:
     * the route commits each batch after its writes succeeded.
     */
    public static String batchConsumer(List<String> topics, String groupId, int consumers, int maxPollRecords,
            int batchingIntervalMs, int pollTimeoutMs) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a consumer needs at least one topic");
        }
        return "kafka:" + String.join(",", topics)
                + "?groupId=" + groupId
                + "&consumersCount=" + consumers
                + "&batching=true"
                + "&maxPollRecords=" + maxPollRecords
                + "&batchingIntervalMs=" + batchingIntervalMs
                + "&pollTimeoutMs=" + pollTimeoutMs
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true";
    }
}
