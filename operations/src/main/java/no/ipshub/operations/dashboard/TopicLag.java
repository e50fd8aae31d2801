package no.ipshub.operations.dashboard;

/**
 * How far a consumer group is behind on one topic, summed over its partitions.
 *
 * @param topic      the topic
 * @param partitions its partitions
 * @param endOffset  sum of the partitions' end offsets: records ever written
 * @param retained   sum of end minus beginning offsets: records still on the topic
 * @param position   sum of the group's positions (its committed offset, or the beginning where it has none)
 * @param lag        records written but not yet committed by the group
 * @param committed  true when the group has committed an offset on at least one partition
 */
public record TopicLag(String topic, int partitions, long endOffset, long retained, long position, long lag,
        boolean committed) {
}
