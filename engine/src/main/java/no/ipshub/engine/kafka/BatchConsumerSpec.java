package no.ipshub.engine.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import no.ipshub.engine.error.DependencyProbe;
import org.apache.kafka.common.TopicPartition;

/**
 * What one {@code hub-kafka} endpoint reads and how it commits.
 *
 * @param routeId         the route that consumes it; also names the endpoint ({@code hub-kafka:<routeId>})
 * @param groupId         its consumer group
 * @param topics          the topics it reads, or empty when {@code topicPattern} is set
 * @param topicPattern    a pattern of topics to read (new matching topics are picked up at run time), or null
 * @param transactional   true: each batch's outputs and offsets are committed in one Kafka transaction, and
 *                        the partitions are assigned co-partitioned ({@link CoPartitionedAssignor})
 * @param statePartitions with {@code transactional}: how many partitions the route's state has; partition
 *                        {@code k} of every topic it reads goes to the owner of state partition {@code k mod n}
 * @param partitions      told when partitions are assigned and revoked; may be null
 * @param idleWork        work a transactional endpoint does in a transaction of its own while no records come;
 *                        may be null
 * @param probe           asked before a record the route keeps failing on is dead-lettered, so that an outage of
 *                        the route's registry or database never dead-letters anything; may be null (nothing to ask)
 * @param maxPollRecords  the largest batch one poll hands to this route, for a route whose cost is mostly per batch
 *                        (a database transaction); 0: {@code hub.routes.consumer.max-poll-records}, as every route
 */
public record BatchConsumerSpec(String routeId, String groupId, List<String> topics, Pattern topicPattern,
        boolean transactional, int statePartitions, PartitionListener partitions, IdleWork idleWork,
        DependencyProbe probe, int maxPollRecords) {

    public BatchConsumerSpec {
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(groupId, "groupId");
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException("route " + routeId + " must read either topics or a topic pattern");
        }
        if (transactional && statePartitions < 1) {
            throw new IllegalArgumentException("a transactional route needs at least one state partition");
        }
        if (maxPollRecords < 0) {
            throw new IllegalArgumentException("route " + routeId + ": max-poll-records must be positive, or 0 for "
                    + "the routes' shared setting");
        }
    }

    /** A consumer that commits its offsets after the route processed the batch and its outputs were acknowledged. */
    public static BatchConsumerSpec plain(String routeId, String groupId, List<String> topics) {
        return new BatchConsumerSpec(routeId, groupId, topics, null, false, 0, null, null, null, 0);
    }

    /** As {@link #plain}, reading every topic that matches {@code pattern}, now and later. */
    public static BatchConsumerSpec plain(String routeId, String groupId, Pattern pattern) {
        return new BatchConsumerSpec(routeId, groupId, List.of(), pattern, false, 0, null, null, null, 0);
    }

    /** A consumer whose batches are Kafka transactions, with state partitioned {@code statePartitions} ways. */
    public static BatchConsumerSpec transactional(String routeId, String groupId, Pattern pattern, int statePartitions,
            PartitionListener partitions, IdleWork idleWork) {
        return new BatchConsumerSpec(routeId, groupId, List.of(), pattern, true, statePartitions, partitions, idleWork,
                null, 0);
    }

    /** The same endpoint, asking {@code probe} before a record it keeps failing on is dead-lettered. */
    public BatchConsumerSpec withProbe(DependencyProbe probe) {
        return new BatchConsumerSpec(routeId, groupId, topics, topicPattern, transactional, statePartitions, partitions,
                idleWork, probe, maxPollRecords);
    }

    /**
     * The same endpoint, handed batches of up to {@code maxPollRecords} records instead of the size all routes
     * share: a route that pays per batch (one database transaction, one wait for the broker's acknowledgements)
     * keeps up better with fewer, larger batches.
     */
    public BatchConsumerSpec withMaxPollRecords(int maxPollRecords) {
        return new BatchConsumerSpec(routeId, groupId, topics, topicPattern, transactional, statePartitions, partitions,
                idleWork, probe, maxPollRecords);
    }

    /** The largest batch one poll hands to this route: its own size, or {@code shared} when it has none. */
    public int maxPollRecords(int shared) {
        return maxPollRecords > 0 ? maxPollRecords : shared;
    }

    /**
     * Keeps a route's state with its partitions: told, on the consumer's thread, when consumer {@code consumer} (the
     * index of the route's thread) gains or loses partitions, and asked before each poll which partitions may not
     * be read yet.
     */
    public interface PartitionListener {

        void assigned(int consumer, Collection<TopicPartition> partitions);

        void revoked(int consumer, Collection<TopicPartition> partitions);

        /** A batch of these partitions failed: state derived from them may be behind or ahead of the changelog. */
        void uncertain(int consumer, Collection<TopicPartition> partitions);

        /** Of these assigned partitions, those whose state is not ready yet; they are paused until it is. */
        Set<TopicPartition> notReady(Collection<TopicPartition> assignment);
    }

    /** Work a transactional route does while idle, in its own transaction (e.g. expiring state). */
    public interface IdleWork {

        /** True when there is work to do now; asked after each poll that returned nothing. */
        boolean due();

        /** Does the work: writes go to {@code batch.output()}, state changes are applied after the commit. */
        void run(RecordBatch batch);
    }
}
