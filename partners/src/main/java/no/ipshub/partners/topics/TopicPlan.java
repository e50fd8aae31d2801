package no.ipshub.partners.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ipshub.partners.Partner;
import no.ipshub.partners.topics.HubTopics;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics the hub needs and how they must be set up, derived from the topic names, the partners and the
 * size of the cluster: replication factor min(3, brokers), {@code min.insync.replicas} 2 on a cluster of
 * three or more brokers (1 below), ingress topics that take records up to 16 MB so that oversized messages
 * reach the hub and become dead letters, a compacted collaboration log and intake state changelog (as many
 * partitions as an ingress topic), the intake's submission topic (partitioned as the state), a short-lived intake
 * reply topic, inboxes kept for {@code hub.topics.inbox-retention}, and the instances' heartbeats
 * ({@link #instanceLease}).
 *
 * <p>Ingress topics keep a message for {@code hub.topics.ingress-retention}, by the broker's clock (a partner's
 * record timestamps could otherwise age its messages out early, or hide how long they have waited), and partner
 * topics never delete a message for space: how long a message waits unread is bounded by time alone. The
 * submission topic keeps its records as long as an ingress topic, since they too wait for the intake.
 */
public final class TopicPlan {

    /** Ingress topics accept records this large; the hub itself refuses anything above hub.ingress.max-message-bytes. */
    public static final int INGRESS_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Topics the hub writes take records up to the size of the hub producer's largest request. */
    public static final int HUB_TOPIC_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    /** Answers to HTTP submissions are read within seconds; an hour leaves room for a slow instance. */
    public static final long INTAKE_REPLY_RETENTION_MS = 60 * 60 * 1000L;
    /** {@code retention.bytes} of a topic that deletes by time alone. */
    static final String UNLIMITED = "-1";
    /** {@code message.timestamp.type}: the broker stamps each record with the time it was written. */
    static final String LOG_APPEND_TIME = "LogAppendTime";
    /** The instances' heartbeat topic rolls a segment this often, so that compaction can drop old heartbeats. */
    public static final long INSTANCE_LEASE_SEGMENT_MS = 10 * 60 * 1000L;

    private TopicPlan() {
    }

    /**
     * One topic as the hub wants it.
     *
     * @param name              topic name
     * @param partitions        partition count
     * @param replicationFactor replicas per partition
     * @param configs           topic-level configuration
     */
    public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    }

    public static List<TopicSpec> of(HubTopics topics, List<Partner> partners, int clusterSize) {
        short replication = replication(clusterSize);
        String minInsync = minInsync(clusterSize);
        HubTopics.Partitions p = topics.partitions();
        Map<String, String> hubWritten = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(HUB_TOPIC_MAX_MESSAGE_BYTES));
        List<TopicSpec> specs = new ArrayList<>();
        for (String canonical : topics.canonicalTopics()) {
            specs.add(new TopicSpec(canonical, p.canonical(), replication, hubWritten));
        }
        specs.add(new TopicSpec(topics.deadLetter(), p.deadLetter(), replication, hubWritten));
        specs.add(new TopicSpec(topics.collaborationLog(), p.collaborationLog(), replication, Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(HUB_TOPIC_MAX_MESSAGE_BYTES),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        specs.add(new TopicSpec(topics.intakeState(), p.ingress(), replication, Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(HUB_TOPIC_MAX_MESSAGE_BYTES),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        specs.add(new TopicSpec(topics.intakeSubmission(), p.ingress(), replication, Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(HUB_TOPIC_MAX_MESSAGE_BYTES),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.ingressRetention().toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG, UNLIMITED)));
        specs.add(new TopicSpec(topics.intakeReply(), p.intakeReply(), replication, Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(HUB_TOPIC_MAX_MESSAGE_BYTES),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(INTAKE_REPLY_RETENTION_MS))));
        Map<String, String> inbox = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(HUB_TOPIC_MAX_MESSAGE_BYTES),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.inboxRetention().toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG, UNLIMITED);
        Map<String, String> ingress = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(INGRESS_MAX_MESSAGE_BYTES),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.ingressRetention().toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG, UNLIMITED,
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
        for (Partner partner : partners) {
            specs.add(new TopicSpec(topics.ingressFor(partner.id()), p.ingress(), replication, ingress));
            specs.add(new TopicSpec(topics.inboxFor(partner.id()), p.inbox(), replication, inbox));
        }
        return List.copyOf(specs);
    }

    /**
     * The hub-internal topic of the instances' heartbeats ({@code hub.instance-lease.topic}): one partition,
     * compacted (the last heartbeat per instance id), stamped with the broker's time, which the instances compare
     * their predecessors' silence with, and rolled every ten minutes so that compaction keeps it small.
     */
    public static TopicSpec instanceLease(String name, int clusterSize) {
        return new TopicSpec(name, 1, replication(clusterSize), Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync(clusterSize),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(INSTANCE_LEASE_SEGMENT_MS)));
    }

    private static short replication(int clusterSize) {
        return (short) Math.max(1, Math.min(3, clusterSize));
    }

    private static String minInsync(int clusterSize) {
        return clusterSize >= 3 ? "2" : "1";
    }
}
