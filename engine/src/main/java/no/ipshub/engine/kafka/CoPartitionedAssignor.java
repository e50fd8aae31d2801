package no.ipshub.engine.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * Assigns partitions so that a route's state stays with its partition: partition {@code k} of every topic the
 * group reads goes to the member that owns state partition {@code k mod n} ({@value #STATE_PARTITIONS_CONFIG}
 * = n), in ranges over the members sorted by id, as Kafka Streams does for co-partitioned topics.
 *
 * <p>Kafka's own range assignor co-partitions only while every member reads the same topics. When members
 * disagree (a new partner's topic seen by one instance before the other), a partition is left unassigned until
 * the member that owns its state reads the topic too, rather than being handed to an instance without the
 * state. Unassigned partitions are picked up at the next rebalance, which the subscription change triggers.
 */
public class CoPartitionedAssignor implements ConsumerPartitionAssignor, Configurable {

    /** Consumer setting: how many partitions the route's state has. */
    public static final String STATE_PARTITIONS_CONFIG = "ips.hub.state.partitions";
    public static final String NAME = "ips-co-partitioned";

    private int statePartitions = 1;

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(STATE_PARTITIONS_CONFIG);
        if (value != null) {
            statePartitions = Integer.parseInt(value.toString());
        }
        if (statePartitions < 1) {
            throw new IllegalArgumentException(STATE_PARTITIONS_CONFIG + " must be at least 1");
        }
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> subscriptions = groupSubscription.groupSubscription();
        List<String> members = new ArrayList<>(new TreeSet<>(subscriptions.keySet()));
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        members.forEach(m -> assigned.put(m, new ArrayList<>()));
        Set<String> topics = new TreeSet<>();
        subscriptions.values().forEach(s -> topics.addAll(s.topics()));
        for (String topic : topics) {
            Integer count = metadata.partitionCountForTopic(topic);
            if (count == null) {
                continue;
            }
            for (int k = 0; k < count; k++) {
                String owner = members.get(ownerIndex(k % statePartitions, members.size()));
                if (subscriptions.get(owner).topics().contains(topic)) {
                    assigned.get(owner).add(new TopicPartition(topic, k));
                }
            }
        }
        Map<String, Assignment> result = new HashMap<>();
        assigned.forEach((member, partitions) -> result.put(member, new Assignment(partitions)));
        return new GroupAssignment(result);
    }

    /** The member (index in the sorted members) owning state partition {@code statePartition}: ranges, as Kafka's range assignor. */
    int ownerIndex(int statePartition, int memberCount) {
        return (int) ((long) statePartition * memberCount / statePartitions);
    }

    @Override
    public String name() {
        return NAME;
    }
}
