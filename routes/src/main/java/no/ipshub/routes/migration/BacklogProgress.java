package no.ipshub.routes.migration;

import org.apache.kafka.common.TopicPartition;

/** Told by the upgrade migration each time it has delivered the backlog of one canonical partition. */
@FunctionalInterface
interface BacklogProgress {

    /**
     * The partition's backlog is on the inbox topics and the previous delivery group's offset on it committed with it.
     *
     * @param delivered  messages written to inbox topics (not counting those already in the inbox rows)
     * @param nextOffset the offset committed for the previous delivery group
     */
    void partitionDelivered(TopicPartition partition, int delivered, long nextOffset);
}
