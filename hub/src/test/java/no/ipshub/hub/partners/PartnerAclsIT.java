package no.ipshub.hub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.ipshub.operations.partners.PartnerProvisioner;
import no.ipshub.operations.partners.Provisioning;
import no.ipshub.registry.client.SchemaRegistryClients;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.partner.Partner;
import no.ipshub.schemas.v1.Sector;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * A partner added at run time on a cluster with SASL/PLAIN and an authorizer that denies what is not granted (as
 * in docker-compose.yml): its Kafka user may write its own ingress topic and read its own inbox with a group named
 * after it, and nothing else; removed, it may write no more. The partner is the test kit's second SASL user,
 * plain-user1; the hub's provisioning runs as the kit's super user.
 */
class PartnerAclsIT {

    static final String PARTNER = JaasUtils.KAFKA_PLAIN_USER1;
    static final Partner ADDED = new Partner(PARTNER, "A team added at run time", Sector.HEALTH, "974760673", List.of());
    static final Partner OTHER = new Partner("nav-elsewhere", "Another partner", Sector.NAV, "1203", List.of());
    static final HubTopics TOPICS = HubTopics.defaults();

    @TempDir
    static Path dir;

    static KafkaClusterTestKit cluster;
    static PartnerProvisioner provisioner;

    @BeforeAll
    static void startSecuredCluster() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumControllerNodes(1)
                        .setNumBrokerNodes(1)
                        .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .setBaseDirectory(dir)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("allow.everyone.if.no.acl.found", "false")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        provisioner = new PartnerProvisioner(settings(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD),
                TOPICS, SchemaRegistryClients.create("mock://partner-acls-it"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void addingAPartnerOnASecuredClusterGrantsItsAcls() {
        assertThat(provisioner.provision(ADDED).acls()).isEqualTo(Provisioning.AclOutcome.APPLIED);
    }

    @Test
    void theAddedPartnerMayWriteItsOwnIngressTopic() throws Exception {
        provisioner.provision(ADDED);

        try (KafkaProducer<byte[], byte[]> producer = producerOf(PARTNER)) {
            assertThat(producer.send(record(TOPICS.ingressFor(PARTNER))).get(30, TimeUnit.SECONDS).offset())
                    .isNotNegative();
        }
    }

    @Test
    void theAddedPartnerMayNotWriteAnotherPartnersIngressTopic() {
        provisioner.provision(ADDED);
        provisioner.provision(OTHER);

        try (KafkaProducer<byte[], byte[]> producer = producerOf(PARTNER)) {
            assertThatThrownBy(() -> producer.send(record(TOPICS.ingressFor(OTHER.id()))).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theAddedPartnerReadsItsInboxWithAGroupNamedAfterIt() throws Exception {
        provisioner.provision(ADDED);
        try (KafkaProducer<byte[], byte[]> hub = producerOf(JaasUtils.KAFKA_PLAIN_ADMIN)) {
            hub.send(record(TOPICS.inboxFor(PARTNER))).get(30, TimeUnit.SECONDS);
        }

        Map<String, Object> config = settings(PARTNER, JaasUtils.KAFKA_PLAIN_USER1_PASSWORD).commonProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, PARTNER + "-inbox");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPICS.inboxFor(PARTNER)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                return !records.isEmpty();
            });
        }
    }

    @Test
    void aRemovedPartnerMayWriteNoMore() {
        provisioner.provision(ADDED);
        try {
            assertThat(provisioner.revoke(ADDED)).isEqualTo(Provisioning.AclOutcome.APPLIED);

            try (KafkaProducer<byte[], byte[]> producer = producerOf(PARTNER)) {
                assertThatThrownBy(() -> producer.send(record(TOPICS.ingressFor(PARTNER))).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        } finally {
            provisioner.provision(ADDED);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic) {
        return new ProducerRecord<>(topic, "case-1".getBytes(StandardCharsets.UTF_8),
                "a record".getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<byte[], byte[]> producerOf(String user) {
        String password = user.equals(PARTNER) ? JaasUtils.KAFKA_PLAIN_USER1_PASSWORD : JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
        Map<String, Object> config = settings(user, password).commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaClientSettings settings(String user, String password) {
        String bootstrap = cluster.bootstrapServers();
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return bootstrap;
            }

            @Override
            public Map<String, Object> commonProperties() {
                Map<String, Object> common = new HashMap<>();
                common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                common.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
                common.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
                common.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule "
                        + "required username=\"" + user + "\" password=\"" + password + "\";");
                return common;
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }
}
