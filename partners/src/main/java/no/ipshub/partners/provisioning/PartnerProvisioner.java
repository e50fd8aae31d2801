package no.ipshub.partners.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerConsumerGroups;
import no.ipshub.partners.schema.HubSchemaRegistration;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicAlignment;
import no.ipshub.partners.topics.TopicPlan.TopicSpec;
import no.ipshub.partners.topics.TopicPlan;
import no.ipshub.registry.client.HubSubjects;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a partner up in Kafka and the registry while the hub runs, with the same rules as start-up: its ingress and
 * inbox topics as {@link TopicPlan} wants them (created, or aligned by {@link TopicAlignment} when they exist), their subjects as {@link HubSchemaRegistration} registers them, and,
 * on a cluster with an authorizer, its {@link PartnerAcls}. Each step is idempotent, so adding again after a
 * failure finishes the job. The running routes subscribe to topic patterns and pick the new topics up by themselves.
 */
public class PartnerProvisioner {

    private static final Logger log = LoggerFactory.getLogger(PartnerProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HubKafkaClients kafka;
    private final HubTopics topics;
    private final SchemaRegistryClient registry;

    public PartnerProvisioner(HubKafkaClients kafka, HubTopics topics, SchemaRegistryClient registry) {
        this.kafka = kafka;
        this.topics = topics;
        this.registry = registry;
    }

    /**
     * Creates what the partner needs.
     *
     * @throws TransientFailureException when Kafka or the registry does not answer; nothing is lost by trying again
     */
    public Provisioning provision(Partner partner) {
        Set<String> own = Set.of(topics.ingressFor(partner.id()), topics.inboxFor(partner.id()));
        try (Admin admin = admin()) {
            int clusterSize = kafka.settings().clusterSize();
            List<String> created = createTopics(admin, TopicPlan.of(topics, List.of(partner), clusterSize)
                    .stream().filter(t -> own.contains(t.name())).toList());
            List<String> subjects = new ArrayList<>();
            for (Map.Entry<String, Schema> topic : HubSchemaRegistration.topicSchemas(topics, List.of(partner)).entrySet()) {
                if (own.contains(topic.getKey())) {
                    HubSubjects.ensureRegistered(registry, topic.getKey(), topic.getValue());
                    subjects.add(HubSchemaRegistration.subject(topic.getKey()));
                }
            }
            Provisioning.AclOutcome acls = grant(admin, PartnerAcls.of(partner.id(), topics),
                    PartnerAcls.earlierGroupRule(partner.id()));
            log.info("Partner {} set up: topics created {}, subjects {}, ACLs {}", partner.id(), created, subjects, acls);
            return new Provisioning(created, subjects, acls);
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientFailureException("Kafka did not set up partner " + partner.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while setting up partner " + partner.id(), e);
        }
    }

    /**
     * Takes the partner's ACLs away; its topics stay (the inbox keeps its messages for its retention).
     *
     * @throws TransientFailureException when Kafka does not answer
     */
    public Provisioning.AclOutcome revoke(Partner partner) {
        List<AclBindingFilter> filters = new ArrayList<>(
                PartnerAcls.of(partner.id(), topics).stream().map(AclBinding::toFilter).toList());
        filters.add(PartnerAcls.earlierGroupRule(partner.id()).toFilter());
        try (Admin admin = admin()) {
            if (!hasAuthorizer(admin)) {
                return Provisioning.AclOutcome.NO_AUTHORIZER;
            }
            admin.deleteAcls(filters).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            log.info("Partner {}: ACLs revoked", partner.id());
            return Provisioning.AclOutcome.APPLIED;
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientFailureException("Kafka did not revoke the ACLs of partner " + partner.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while revoking the ACLs of " + partner.id(), e);
        }
    }

    /**
     * Gives each partner its ACLs and takes away the broader group rule of earlier versions: what start-up does for
     * the partners of the directory, so that a cluster set up by an earlier version holds only today's rules.
     *
     * @throws TransientFailureException when Kafka does not answer
     */
    public Provisioning.AclOutcome alignAcls(Collection<Partner> partners) {
        List<AclBinding> rules = new ArrayList<>();
        List<AclBindingFilter> earlier = new ArrayList<>();
        for (Partner partner : partners) {
            earlier.add(PartnerAcls.earlierGroupRule(partner.id()).toFilter());
            if (partner.id().startsWith(PartnerConsumerGroups.HUB_PREFIX)) {
                log.warn("Partner {} gets no Kafka ACLs: its id starts like the hub's own consumer groups", partner.id());
            } else {
                rules.addAll(PartnerAcls.of(partner.id(), topics));
            }
        }
        try (Admin admin = admin()) {
            if (!hasAuthorizer(admin)) {
                return Provisioning.AclOutcome.NO_AUTHORIZER;
            }
            if (!rules.isEmpty()) {
                admin.createAcls(rules).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            if (!earlier.isEmpty()) {
                admin.deleteAcls(earlier).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return Provisioning.AclOutcome.APPLIED;
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientFailureException("Kafka did not align the partners' ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while aligning the partners' ACLs", e);
        }
    }

    /**
     * Grants ACLs on a cluster with an authorizer (a research project's reader, say); idempotent.
     *
     * @param owner who they are for, in messages
     * @throws TransientFailureException when Kafka does not answer
     */
    public Provisioning.AclOutcome grantAcls(List<AclBinding> acls, String owner) {
        try (Admin admin = admin()) {
            Provisioning.AclOutcome outcome = grantOnly(admin, acls);
            log.info("{}: ACLs {}", owner, outcome);
            return outcome;
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientFailureException("Kafka did not grant the ACLs of " + owner, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while granting the ACLs of " + owner, e);
        }
    }

    private Admin admin() {
        return kafka.admin("ips-hub-partner-provisioner",
                Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    private static List<String> createTopics(Admin admin, List<TopicSpec> wanted)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<TopicSpec> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
        // a topic made before the partner was added (by hand, or by a broker that creates topics on first use)
        TopicAlignment.align(admin, wanted.stream().filter(t -> existing.contains(t.name())).toList(), TIMEOUT);
        List<String> created = new ArrayList<>();
        for (TopicSpec t : missing) {
            try {
                admin.createTopics(List.of(new NewTopic(t.name(), t.partitions(), t.replicationFactor())
                        .configs(t.configs()))).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                created.add(t.name());
            } catch (ExecutionException e) {
                // another instance may have created it a moment ago
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /** Grants the rules, when the cluster checks ACLs. */
    private static Provisioning.AclOutcome grantOnly(Admin admin, List<AclBinding> acls)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (!hasAuthorizer(admin)) {
            return Provisioning.AclOutcome.NO_AUTHORIZER;
        }
        admin.createAcls(acls).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return Provisioning.AclOutcome.APPLIED;
    }

    /** Grants the partner's rules, then takes away the broader one an earlier version gave it. */
    private static Provisioning.AclOutcome grant(Admin admin, List<AclBinding> acls, AclBinding earlier)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (!hasAuthorizer(admin)) {
            return Provisioning.AclOutcome.NO_AUTHORIZER;
        }
        admin.createAcls(acls).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        admin.deleteAcls(List.of(earlier.toFilter())).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return Provisioning.AclOutcome.APPLIED;
    }

    /** Whether the cluster checks ACLs: without an authorizer, describing ACLs fails with SecurityDisabledException. */
    private static boolean hasAuthorizer(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                return false;
            }
            throw e;
        }
    }
}
