package no.ipshub.partners.topics;

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
import no.ipshub.partners.topics.TopicPlan.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the settings of existing topics that matter for correctness in line with {@link TopicPlan}: how large a
 * record may be, compaction, how long and by which clock a message is kept. Other settings are an operator's.
 */
public final class TopicAlignment {

    private static final Logger log = LoggerFactory.getLogger(TopicAlignment.class);
    /** The settings a topic must have as planned; a topic created by hand or by an earlier version may differ. */
    static final Set<String> ENFORCED = Set.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG,
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);

    private TopicAlignment() {
    }

    /**
     * Sets the enforced settings of these existing topics where they differ from the plan.
     *
     * @return the topics whose settings were changed
     */
    public static List<String> align(Admin admin, List<TopicSpec> existing, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (existing.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = existing.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (TopicSpec spec : existing) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            List<AlterConfigOp> ops = changes(spec, current.get(resource));
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
                log.info("Aligning topic {}: {}", spec.name(), ops.stream()
                        .map(op -> op.configEntry().name() + "=" + op.configEntry().value()).sorted().toList());
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
    }

    private static List<AlterConfigOp> changes(TopicSpec spec, Config config) {
        List<AlterConfigOp> ops = new ArrayList<>();
        spec.configs().forEach((key, wanted) -> {
            ConfigEntry entry = config == null ? null : config.get(key);
            if (ENFORCED.contains(key) && (entry == null || !wanted.equals(entry.value()))) {
                ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
            }
        });
        return ops;
    }
}
