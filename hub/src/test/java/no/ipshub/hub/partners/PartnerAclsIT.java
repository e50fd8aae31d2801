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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.Partner;
import no.ipshub.partners.provisioning.PartnerAcls;
import no.ipshub.partners.provisioning.PartnerProvisioner;
import no.ipshub.partners.provisioning.Provisioning;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.intake.PartnerIngressRoute;
import no.ipshub.schemas.v1.Sector;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
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
 * in docker-compose.yml): its Kafka user may write its own ingress topic and read its own inbox with the consumer
 * groups documented for it, and nothing else; removed, it may write no more. The partner is the test kit's second
 * SASL user, plain-user1; the hub's provisioning runs as the kit's super user. Three more SASL users are partners
 * whose ids start like others' group names: nav (nav-bergenhus) and ips (the hub's ips-hub-... groups).
 */
class PartnerAclsIT {

    static final String PARTNER = JaasUtils.KAFKA_PLAIN_USER1;
    static final Partner ADDED = new Partner(PARTNER, "A team added at run time", Sector.HEALTH, "974760673", List.of());
    static final Partner OTHER = new Partner("nav-elsewhere", "Another partner", Sector.NAV, "1203", List.of());
    static final HubTopics TOPICS = HubTopics.defaults();
    static final Partner NAV = new Partner("nav", "A partner whose id starts another's", Sector.NAV, "1201", List.of());
    static final Partner NAV_BERGENHUS = new Partner("nav-bergenhus", "NAV Bergenhus", Sector.NAV, "1203", List.of());
    static final Partner IPS = new Partner("ips", "A partner whose id starts the hub's groups", Sector.NAV, "1202",
            List.of());
    /** The kit's users and, on the partners' listener, three more: each partner's password is its id + "-secret". */
    static final String PARTNER_USERS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"" + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\" "
            + "user_" + JaasUtils.KAFKA_PLAIN_ADMIN + "=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\" "
            + "user_" + PARTNER + "=\"" + JaasUtils.KAFKA_PLAIN_USER1_PASSWORD + "\" "
            + "user_nav=\"nav-secret\" user_nav-bergenhus=\"nav-bergenhus-secret\" user_ips=\"ips-secret\";";

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
                .setConfigProp("listener.name.external.plain.sasl.jaas.config", PARTNER_USERS)
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        provisioner = new PartnerProvisioner(
                new HubKafkaClients(settings(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD)),
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
        provision(ADDED);

        try (KafkaProducer<byte[], byte[]> producer = producerOf(PARTNER)) {
            assertThat(producer.send(record(TOPICS.ingressFor(PARTNER))).get(30, TimeUnit.SECONDS).offset())
                    .isNotNegative();
        }
    }

    @Test
    void theAddedPartnerMayNotWriteAnotherPartnersIngressTopic() {
        provision(ADDED);
        provision(OTHER);

        try (KafkaProducer<byte[], byte[]> producer = producerOf(PARTNER)) {
            assertThatThrownBy(() -> producer.send(record(TOPICS.ingressFor(OTHER.id()))).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theAddedPartnerReadsItsInboxWithItsInboxGroup() throws Exception {
        provision(ADDED);
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
    void aPartnerReadsItsInboxWithAGroupNamedAfterItWithADot() {
        provision(NAV);
        sendToInboxOf(NAV);

        try (KafkaConsumer<byte[], byte[]> consumer = inboxConsumer(NAV, "nav.case-system")) {
            awaitARecord(consumer);
        }
    }

    @Test
    void aPartnerMayNotJoinTheGroupOfAPartnerWhoseIdStartsWithItsOwn() {
        provision(NAV);
        provision(NAV_BERGENHUS);

        try (KafkaConsumer<byte[], byte[]> consumer = inboxConsumer(NAV, "nav-bergenhus-inbox")) {
            assertThat(joinFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aPartnerMayNotJoinAGroupOfTheHub() {
        provision(IPS);

        try (KafkaConsumer<byte[], byte[]> consumer = inboxConsumer(IPS, PartnerIngressRoute.GROUP_ID)) {
            assertThat(joinFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    // A cluster set up by an earlier version holds the partner's rule for every group whose name starts with its id;
    // setting the partner up again takes that rule away.
    @Test
    void provisioningAPartnerTakesAwayTheBroaderGroupRuleOfEarlierVersions() throws Exception {
        provision(NAV_BERGENHUS);
        grantEarlierGroupRule(NAV);

        provision(NAV);

        try (KafkaConsumer<byte[], byte[]> consumer = inboxConsumer(NAV, "nav-bergenhus-inbox")) {
            assertThat(joinFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    // At start-up the hub aligns the rules of every partner in its directory, those set up by an earlier version too.
    @Test
    void aligningThePartnersRulesTakesAwayTheBroaderGroupRuleOfEarlierVersions() throws Exception {
        provision(NAV_BERGENHUS);
        provision(NAV);
        grantEarlierGroupRule(NAV);

        assertThat(provisioner.alignAcls(List.of(NAV, NAV_BERGENHUS))).isEqualTo(Provisioning.AclOutcome.APPLIED);
        awaitRulesInForce(NAV, Set.copyOf(PartnerAcls.of(NAV.id(), TOPICS)));

        try (KafkaConsumer<byte[], byte[]> consumer = inboxConsumer(NAV, "nav-bergenhus-inbox")) {
            assertThat(joinFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aRemovedPartnerMayWriteNoMore() {
        provision(ADDED);
        try {
            assertThat(provisioner.revoke(ADDED)).isEqualTo(Provisioning.AclOutcome.APPLIED);
            awaitRulesInForce(ADDED, Set.of());

            try (KafkaProducer<byte[], byte[]> producer = producerOf(PARTNER)) {
                assertThatThrownBy(() -> producer.send(record(TOPICS.ingressFor(PARTNER))).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        } finally {
            provision(ADDED);
        }
    }

    /** Sets the partner up and waits until the broker enforces its rules: they reach it a moment after the call. */
    private static void provision(Partner partner) {
        provisioner.provision(partner);
        awaitRulesInForce(partner, Set.copyOf(PartnerAcls.of(partner.id(), TOPICS)));
    }

    /** The rule an earlier version gave a partner: every group whose name starts with its id. */
    private static void grantEarlierGroupRule(Partner partner) throws Exception {
        AclBinding earlier = new AclBinding(new ResourcePattern(ResourceType.GROUP, partner.id(), PatternType.PREFIXED),
                new AccessControlEntry(PartnerAcls.principal(partner.id()), "*", AclOperation.READ,
                        AclPermissionType.ALLOW));
        try (Admin admin = admin()) {
            admin.createAcls(List.of(earlier)).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> rulesOf(admin, partner).contains(earlier));
        }
    }

    private static void awaitRulesInForce(Partner partner, Set<AclBinding> rules) {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> rulesOf(admin, partner).equals(rules));
        }
    }

    /** The partner's ACLs as the broker's authorizer holds them. */
    private static Set<AclBinding> rulesOf(Admin admin, Partner partner) throws Exception {
        AclBindingFilter filter = new AclBindingFilter(ResourcePatternFilter.ANY, new AccessControlEntryFilter(
                PartnerAcls.principal(partner.id()), null, AclOperation.ANY, AclPermissionType.ANY));
        return Set.copyOf(admin.describeAcls(filter).values().get(30, TimeUnit.SECONDS));
    }

    private static Admin admin() {
        return Admin.create(settings(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD).commonProperties());
    }

    private static void sendToInboxOf(Partner partner) {
        try (KafkaProducer<byte[], byte[]> hub = producerOf(JaasUtils.KAFKA_PLAIN_ADMIN)) {
            hub.send(record(TOPICS.inboxFor(partner.id()))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the hub could not write the inbox of " + partner.id(), e);
        }
    }

    /** A consumer of the partner's own inbox, as the partner's own user, in the given group. */
    private static KafkaConsumer<byte[], byte[]> inboxConsumer(Partner partner, String group) {
        Map<String, Object> config = settings(partner.id(), partner.id() + "-secret").commonProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPICS.inboxFor(partner.id())));
        return consumer;
    }

    private static void awaitARecord(KafkaConsumer<byte[], byte[]> consumer) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.poll(Duration.ofMillis(500)).isEmpty());
    }

    /** What polling fails with while the consumer tries to join its group; fails the test if it joins. */
    private static Throwable joinFailure(KafkaConsumer<byte[], byte[]> consumer) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try {
                consumer.poll(Duration.ofMillis(500));
            } catch (RuntimeException e) {
                return e;
            }
            if (!consumer.assignment().isEmpty()) {
                throw new AssertionError("the consumer joined its group and holds " + consumer.assignment());
            }
        }
        throw new AssertionError("the consumer neither joined its group nor failed within 30 s");
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
