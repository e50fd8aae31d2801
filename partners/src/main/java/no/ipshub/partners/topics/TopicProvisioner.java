package no.ipshub.partners.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicPlan.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the hub's topics at start-up (before any route starts) and brings the settings that matter for
 * correctness of existing ones in line ({@link TopicAlignment}: an ingress topic created with the broker's default
 * retention gets {@code hub.topics.ingress-retention}).
 * Partition counts and replication of existing topics are left alone: changing them is an operator's call. It
 * refuses to start when the intake's own topics (state changelog, submissions) do not have
 * {@code hub.topics.partitions.ingress} partitions, or the reply topic has fewer than
 * {@code hub.topics.partitions.intake-reply}, since the hub's own records name those partitions. A partner's
 * ingress topic with another partition count only gets a warning: the intake moves each record that is not in
 * its case's partition to the submission topic, so any count works, and a partner must not be able to keep the
 * hub from starting.
 */
@Component
public class TopicProvisioner implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HubKafkaClients kafka;
    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final InstanceLeaseProperties instanceLease;

    public TopicProvisioner(HubKafkaClients kafka, HubTopics topics, PartnerDirectory partners,
            InstanceLeaseProperties instanceLease) {
        this.kafka = kafka;
        this.topics = topics;
        this.partners = partners;
        this.instanceLease = instanceLease;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        int clusterSize = kafka.settings().clusterSize();
        List<TopicSpec> plan = new ArrayList<>(TopicPlan.of(topics, partners.all(), clusterSize));
        plan.add(TopicPlan.instanceLease(instanceLease.topic(), clusterSize));
        try (Admin admin = kafka.admin("ips-hub-topic-provisioner",
                Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<TopicSpec> missing = plan.stream().filter(t -> !existing.contains(t.name())).toList();
            create(admin, missing);
            TopicAlignment.align(admin, plan.stream().filter(t -> existing.contains(t.name())).toList(), TIMEOUT);
            requireCoPartitioned(admin, existing);
            log.info("Kafka topics ready: {} created, {} existing, replication factor {} on {} broker(s)",
                    missing.size(), plan.size() - missing.size(),
                    plan.isEmpty() ? 0 : plan.get(0).replicationFactor(), clusterSize);
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
                .filter(t -> t.equals(topics.intakeState()) || t.equals(topics.intakeSubmission())
                        || t.equals(topics.intakeReply()) || topics.partnerOfIngressTopic(t).isPresent())
                .toList();
        if (stateBound.isEmpty()) {
            return;
        }
        int wanted = topics.partitions().ingress();
        Map<String, TopicDescription> described = admin.describeTopics(stateBound).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> wrong = new ArrayList<>();
        for (TopicDescription d : described.values()) {
            int count = d.partitions().size();
            if (d.name().equals(topics.intakeReply())) {
                if (count < topics.partitions().intakeReply()) {
                    wrong.add(d.name() + " (" + count + ", at least " + topics.partitions().intakeReply()
                            + " from hub.topics.partitions.intake-reply)");
                }
            } else if (topics.partnerOfIngressTopic(d.name()).isPresent()) {
                if (count != wanted) {
                    log.warn("Ingress topic {} has {} partitions, not {}: its records are moved to their case's "
                            + "partition through {}, which costs a write each", d.name(), count, wanted,
                            topics.intakeSubmission());
                }
            } else if (count != wanted) {
                wrong.add(d.name() + " (" + count + ", not " + wanted + " from hub.topics.partitions.ingress)");
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The hub's intake topics need other partition counts: "
                    + wrong.stream().sorted().toList());
        }
    }
}
