package no.ipshub.routes.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.partners.schema.HubSchemaRegistration;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the hub sets up before its routes start: the topics on the broker and its subjects in the registry. */
@RoutesIntegrationTest
class StartupProvisioningIT {

    @Autowired
    KafkaClientSettings kafka;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    HubTopics topics;

    private <T> T withAdmin(AdminCall<T> call) throws Exception {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            return call.apply(admin);
        }
    }

    interface AdminCall<T> {
        T apply(Admin admin) throws Exception;
    }

    private Config configOf(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return withAdmin(admin -> admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS))
                .get(resource);
    }

    @Test
    void everyPartnerHasAnIngressAndAnInboxTopic() throws Exception {
        List<String> expected = TestPartners.all().stream()
                .flatMap(p -> List.of(topics.ingressFor(p.id()), topics.inboxFor(p.id())).stream()).toList();

        Set<String> existing = withAdmin(admin -> admin.listTopics().names().get(30, TimeUnit.SECONDS));

        assertThat(existing).containsAll(expected);
    }

    @Test
    void canonicalTopicsHaveTheConfiguredPartitions() throws Exception {
        Map<String, Integer> partitions = withAdmin(admin -> {
            var described = admin.describeTopics(topics.canonicalTopics()).allTopicNames().get(30, TimeUnit.SECONDS);
            return Map.of(topics.referral(), described.get(topics.referral()).partitions().size(),
                    topics.followUp(), described.get(topics.followUp()).partitions().size(),
                    topics.outcome(), described.get(topics.outcome()).partitions().size());
        });

        assertThat(partitions.values()).containsOnly(topics.partitions().canonical());
    }

    @Test
    void ingressTopicsAcceptRecordsOfSixteenMegabytes() throws Exception {
        assertThat(configOf(topics.ingressFor(TestPartners.TEAM)).get("max.message.bytes").value())
                .isEqualTo(Integer.toString(16 * 1024 * 1024));
    }

    @Test
    void collaborationLogTopicIsCompacted() throws Exception {
        assertThat(configOf(topics.collaborationLog()).get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    void theInstancesHeartbeatTopicIsStampedWithTheBrokersTime() throws Exception {
        assertThat(configOf(InstanceLeaseProperties.DEFAULT_TOPIC).get("message.timestamp.type").value())
                .isEqualTo("LogAppendTime");
    }

    @Test
    void hubSubjectsAreBackwardTransitive() {
        assertThat(HubSchemaRegistration.subjects(topics, TestPartners.all()).keySet())
                .allSatisfy(subject -> assertThat(registry.getCompatibility(subject)).isEqualTo("BACKWARD_TRANSITIVE"));
    }

    @Test
    void deadLetterSchemaIsRegisteredUnderTheDeadLetterSubject() {
        assertThat(registry.getLatest(topics.deadLetter() + "-value").schema().getFullName())
                .isEqualTo("no.ipshub.schemas.v1.DeadLetter");
    }
}
