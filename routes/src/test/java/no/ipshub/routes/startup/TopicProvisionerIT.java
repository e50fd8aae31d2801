package no.ipshub.routes.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicProvisioner;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Start-up provisioning on a broker where the hub's topics already exist with other settings: an ingress topic
 * made with the broker's defaults (seven days' retention, the producer's timestamps) gets the hub's ingress
 * retention and the broker's clock. Each test has topic names of its own.
 */
@RoutesIntegrationTest
class TopicProvisionerIT {

    private static final Duration WEEK = Duration.ofDays(7);

    @Autowired
    KafkaClientSettings kafka;

    private HubTopics topics;

    @BeforeEach
    void namesOfThisTest() {
        String run = "prov-it-" + UUID.randomUUID().toString().substring(0, 8);
        topics = new HubTopics(run + ".r", run + ".f", run + ".o", run + ".d", run + ".c", run + ".ingress.{partner}",
                run + ".inbox.{partner}", run + ".s", run + ".sub", run + ".a", null, Duration.ofDays(40),
                new HubTopics.Partitions(1, 1, 1, 1, 1, 1));
    }

    private Config configOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    @Test
    void anIngressTopicMadeWithTheBrokersDefaultsGetsTheIngressRetentionAtStart() throws Exception {
        String ingress = topics.ingressFor(TestPartners.TEAM);
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.createTopics(List.of(new NewTopic(ingress, 1, (short) 1).configs(Map.of(
                    "retention.ms", Long.toString(WEEK.toMillis()), "message.timestamp.type", "CreateTime"))))
                    .all().get(30, TimeUnit.SECONDS);

            new TopicProvisioner(new HubKafkaClients(kafka), topics, TestPartners.directory(),
                    InstanceLeaseProperties.defaults()).afterPropertiesSet();

            // the broker applies a changed topic setting a moment after the change is accepted
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Config config = configOf(admin, ingress);
                assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(40).toMillis()));
                assertThat(config.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
            });
        }
    }

    @Test
    void anIngressTopicCreatedAtStartKeepsMessagesForTheIngressRetention() throws Exception {
        new TopicProvisioner(new HubKafkaClients(kafka), topics, TestPartners.directory(),
                InstanceLeaseProperties.defaults()).afterPropertiesSet();

        try (Admin admin = Admin.create(kafka.commonProperties())) {
            assertThat(configOf(admin, topics.ingressFor(TestPartners.NAV_OFFICE)).get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(40).toMillis()));
        }
    }
}
