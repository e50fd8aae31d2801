package no.ipshub.routes.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.config.InstanceLeaseProperties;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.routes.topics.TopicPlan.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the hub's topics at start-up (before any route starts) and brings the settings that matter for
 * correctness ({@code max.message.bytes}, {@code cleanup.policy}, {@code retention.ms}, {@code message.timestamp.type})
 * of existing ones in line.
 * Partition counts and replication of existing topics are left alone: changing them is an operator's call, with
 * one exception it refuses to start on: every ingress topic must have as many partitions as the intake state
 * ({@code hub.topics.partitions.ingress}), since partition {@code k} of each belongs with state partition {@code k}.
 */
@Component
public class TopicProvisioner implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> ENFORCED = Set.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.RETENTION_MS_CONFIG, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);

    private final KafkaClientSettings kafka;
    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final InstanceLeaseProperties instanceLease;

    public TopicProvisioner(KafkaClientSettings kafka, HubTopics topics, PartnerDirectory partners,
            InstanceLeaseProperties instanceLease) {
        this.kafka = kafka;
        this.topics = topics;
        this.partners = partners;
        this.instanceLease = instanceLease;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        List<TopicSpec> plan = new ArrayList<>(TopicPlan.of(topics, partners.all(), kafka.clusterSize()));
        plan.add(TopicPlan.instanceLease(instanceLease.topic(), kafka.clusterSize()));
        Map<String, Object> config = kafka.commonProperties();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<TopicSpec> missing = plan.stream().filter(t -> !existing.contains(t.name())).toList();
            create(admin, missing);
            alignConfigs(admin, plan.stream().filter(t -> existing.contains(t.name())).toList());
            requireCoPartitioned(admin, existing);
            log.info("Kafka topics ready: {} created, {} existing, replication factor {} on {} broker(s)",
                    missing.size(), plan.size() - missing.size(),
                    plan.isEmpty() ? 0 : plan.get(0).replicationFactor(), kafka.clusterSize());
        }
    }

    private static void create(Admin admin, List<TopicSpec> missing) throws Exception {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = missing.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(t.configs()))
                .toList();
        try {
            admin.createTopics(newTopics).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // another hub instance starting at the same time may have won the race
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void requireCoPartitioned(Admin admin, Set<String> existing) throws Exception {
        List<String> stateBound = existing.stream()
                .filter(t -> t.equals(topics.intakeState()) || topics.partnerOfIngressTopic(t).isPresent())
                .toList();
        if (stateBound.isEmpty()) {
            return;
        }
        int wanted = topics.partitions().ingress();
        Map<String, TopicDescription> described = admin.describeTopics(stateBound).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> wrong = described.values().stream()
                .filter(d -> d.partitions().size() != wanted)
                .map(d -> d.name() + " (" + d.partitions().size() + ")")
                .sorted()
                .toList();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Every ingress topic and " + topics.intakeState() + " must have "
                    + wanted + " partitions (hub.topics.partitions.ingress), but these differ: " + wrong);
        }
    }

    private static void alignConfigs(Admin admin, List<TopicSpec> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (existing.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = existing.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (TopicSpec spec : existing) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = current.get(resource);
            List<AlterConfigOp> ops = new ArrayList<>();
            spec.configs().forEach((key, wanted) -> {
                ConfigEntry entry = config == null ? null : config.get(key);
                if (ENFORCED.contains(key) && (entry == null || !wanted.equals(entry.value()))) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
                log.info("Aligning topic {}: {}", spec.name(), ops);
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
