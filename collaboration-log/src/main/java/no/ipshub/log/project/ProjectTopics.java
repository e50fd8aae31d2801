package no.ipshub.log.project;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicPlan;
import no.ipshub.registry.client.HubSubjects;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Each project's compacted log topic: the default project's is {@code hub.topics.collaboration-log}
 * ({@code ips.collaboration-log-v1}), another project's {@code ips.collaboration-log.<code>-v1}, so that a project's
 * Kafka principal can be given read access to its own rows only. Creates the topic (as the start-up topic plan
 * creates the default one) and registers its subject; both idempotent.
 */
public class ProjectTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HubTopics topics;
    private final HubKafkaClients kafka;
    private final SchemaRegistryClient registry;

    public ProjectTopics(HubTopics topics, HubKafkaClients kafka, SchemaRegistryClient registry) {
        this.topics = topics;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** The project's log topic. */
    public String topicOf(ResearchProject project) {
        return topicOf(topics, project);
    }

    /** The project's log topic under these topic names. */
    public static String topicOf(HubTopics topics, ResearchProject project) {
        if (project.defaultProject()) {
            return topics.collaborationLog();
        }
        String base = topics.collaborationLog();
        int version = base.lastIndexOf("-v");
        return version < 0 ? base + "." + project.code() : base.substring(0, version) + "." + project.code() + base.substring(version);
    }

    /**
     * Creates the project's topic when it does not exist and registers its subject.
     *
     * @return true when the topic was created now
     * @throws TransientFailureException when Kafka or the registry does not answer
     */
    public boolean provision(ResearchProject project) {
        String topic = topicOf(project);
        boolean created = false;
        if (!project.defaultProject()) {
            int clusterSize = kafka.settings().clusterSize();
            short replication = (short) Math.max(1, Math.min(3, clusterSize));
            NewTopic spec = new NewTopic(topic, topics.partitions().collaborationLog(), replication).configs(Map.of(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, clusterSize >= 3 ? "2" : "1",
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TopicPlan.HUB_TOPIC_MAX_MESSAGE_BYTES),
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try (Admin admin = kafka.admin("ips-hub-project-topics", Map.of())) {
                admin.createTopics(List.of(spec)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                created = true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TransientFailureException("Kafka did not create topic " + topic, e);
                }
            } catch (TimeoutException e) {
                throw new TransientFailureException("Kafka did not create topic " + topic + " in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailureException("interrupted while creating topic " + topic, e);
            }
        }
        HubSubjects.ensureRegistered(registry, topic, CollaborationLogEntry.getClassSchema());
        return created;
    }
}
