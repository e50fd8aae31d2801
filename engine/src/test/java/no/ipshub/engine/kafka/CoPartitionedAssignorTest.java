package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CoPartitionedAssignorTest {

    private static final Node NODE = new Node(1, "localhost", 9092);

    private static Cluster cluster(Map<String, Integer> partitions) {
        List<PartitionInfo> infos = new java.util.ArrayList<>();
        partitions.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                infos.add(new PartitionInfo(topic, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
            }
        });
        return new Cluster("test", List.of(NODE), infos, Set.of(), Set.of());
    }

    private static GroupAssignment assign(int statePartitions, Cluster cluster, Map<String, List<String>> members) {
        CoPartitionedAssignor assignor = new CoPartitionedAssignor();
        assignor.configure(Map.of(CoPartitionedAssignor.STATE_PARTITIONS_CONFIG, Integer.toString(statePartitions)));
        Map<String, Subscription> subscriptions = new HashMap<>();
        members.forEach((member, topics) -> subscriptions.put(member, new Subscription(topics)));
        return assignor.assign(cluster, new GroupSubscription(subscriptions));
    }

    private static List<TopicPartition> of(GroupAssignment assignment, String member) {
        return assignment.groupAssignment().get(member).partitions();
    }

    @Test
    void partitionKOfEveryTopicGoesToTheSameMember() {
        Cluster cluster = cluster(Map.of("ips.ingress.a-v1", 3, "ips.ingress.b-v1", 3));
        List<String> topics = List.of("ips.ingress.a-v1", "ips.ingress.b-v1");

        GroupAssignment assignment = assign(3, cluster, Map.of("member-1", topics, "member-2", topics));

        assertThat(of(assignment, "member-1")).containsExactlyInAnyOrder(
                new TopicPartition("ips.ingress.a-v1", 0), new TopicPartition("ips.ingress.b-v1", 0),
                new TopicPartition("ips.ingress.a-v1", 1), new TopicPartition("ips.ingress.b-v1", 1));
        assertThat(of(assignment, "member-2")).containsExactlyInAnyOrder(
                new TopicPartition("ips.ingress.a-v1", 2), new TopicPartition("ips.ingress.b-v1", 2));
    }

    @Test
    void aLoneMemberGetsEveryPartition() {
        Cluster cluster = cluster(Map.of("ips.ingress.a-v1", 3));

        GroupAssignment assignment = assign(3, cluster, Map.of("member-1", List.of("ips.ingress.a-v1")));

        assertThat(of(assignment, "member-1")).hasSize(3);
    }

    /* One instance has seen a new partner's topic, the other not yet: the partition whose state the other
       instance owns stays unassigned rather than going to an instance without that state. */
    @Test
    void partitionOfATopicItsStateOwnerDoesNotReadYetIsLeftUnassigned() {
        Cluster cluster = cluster(Map.of("ips.ingress.a-v1", 2, "ips.ingress.new-v1", 2));

        GroupAssignment assignment = assign(2, cluster, Map.of(
                "member-1", List.of("ips.ingress.a-v1", "ips.ingress.new-v1"),
                "member-2", List.of("ips.ingress.a-v1")));

        assertThat(of(assignment, "member-1")).containsExactlyInAnyOrder(
                new TopicPartition("ips.ingress.a-v1", 0), new TopicPartition("ips.ingress.new-v1", 0));
        assertThat(of(assignment, "member-2")).containsExactly(new TopicPartition("ips.ingress.a-v1", 1));
    }

    @Test
    void partitionsBeyondTheStatePartitionsGoToTheOwnerOfTheirRemainder() {
        Cluster cluster = cluster(Map.of("ips.ingress.wide-v1", 4));

        GroupAssignment assignment = assign(2, cluster, Map.of(
                "member-1", List.of("ips.ingress.wide-v1"), "member-2", List.of("ips.ingress.wide-v1")));

        assertThat(of(assignment, "member-1")).containsExactlyInAnyOrder(
                new TopicPartition("ips.ingress.wide-v1", 0), new TopicPartition("ips.ingress.wide-v1", 2));
    }

    @Test
    void moreMembersThanStatePartitionsLeavesSomeIdle() {
        Cluster cluster = cluster(Map.of("t", 2));

        GroupAssignment assignment = assign(2, cluster, Map.of("m1", List.of("t"), "m2", List.of("t"), "m3", List.of("t")));

        assertThat(assignment.groupAssignment().values().stream().filter(a -> a.partitions().isEmpty()).count())
                .isEqualTo(1);
    }
}
