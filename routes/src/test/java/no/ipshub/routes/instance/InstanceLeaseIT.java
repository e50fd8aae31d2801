package no.ipshub.routes.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.partners.topics.TopicPlan.TopicSpec;
import no.ipshub.partners.topics.TopicPlan;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/*
 * Instance ids on the in-process broker, each test on a heartbeat topic of its own. A lease of six heartbeats makes
 * "waited for the lease" and "did not wait" easy to tell apart. A predecessor killed with kill -9 leaves exactly
 * what a process that heartbeated and then fell silent leaves: its last heartbeat and no release; the tests write
 * that record themselves, as another process would have.
 */
class InstanceLeaseIT {

    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static EmbeddedKafkaKraftBroker broker;

    private final List<InstanceLease> leases = new ArrayList<>();
    private InstanceLeaseProperties properties;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaTestConfiguration().embeddedKafka();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void ownTopic() throws Exception {
        properties = new InstanceLeaseProperties("instances-" + UUID.randomUUID(), HEARTBEAT, LEASE);
        TopicSpec spec = TopicPlan.instanceLease(properties.topic(), 1);
        try (Admin admin = Admin.create(settings().commonProperties())) {
            admin.createTopics(List.of(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                    .configs(spec.configs()))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void release() {
        leases.forEach(InstanceLease::close);
    }

    @Test
    void aSecondInstanceWithTheIdOfARunningOneRefusesToStartNamingTheIdAndTheFix() {
        acquire("hub-1");

        assertThatThrownBy(() -> acquire("hub-1"))
                .isInstanceOf(InstanceIdInUseException.class)
                .hasMessageContaining("hub.instance-id 'hub-1' is in use by a running hub instance")
                .hasMessageContaining("Give this instance an id of its own");
    }

    @Test
    void theRunningInstanceSeesNoConflictWhenASecondOneWithItsIdIsRefused() {
        InstanceLease running = acquire("hub-1");
        assertThatThrownBy(() -> acquire("hub-1")).isInstanceOf(InstanceIdInUseException.class);

        await().during(LEASE).atMost(LEASE.plusSeconds(5)).until(() -> !running.status().conflict());
    }

    @Test
    void instancesWithDifferentIdsBothStartAndNeitherSeesAConflict() {
        InstanceLease first = acquire("hub-1");
        InstanceLease second = acquire("hub-2");

        await().during(LEASE).atMost(LEASE.plusSeconds(5))
                .until(() -> !first.status().conflict() && !second.status().conflict());
    }

    // The predecessor heartbeated a moment ago and was then killed: the new instance waits for what is left of
    // the lease, sees no further heartbeat, and takes the id.
    @Test
    void anInstanceTakesTheIdOfAPredecessorKilledAMomentAgoWithinTheLease() {
        heartbeatOfAnotherProcess("hub-1");

        long started = System.nanoTime();
        InstanceLease lease = acquire("hub-1");

        assertThat(lease.identity().id()).isEqualTo("hub-1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LEASE.plusSeconds(3));
    }

    // A restart after kill -9 comes back later than the lease: the predecessor's silence is already longer, so the
    // new instance does not wait.
    @Test
    void anInstanceDoesNotWaitForAPredecessorSilentLongerThanTheLease() {
        long lastHeartbeat = heartbeatOfAnotherProcess("hub-1");
        await().atMost(LEASE.plusSeconds(10)).until(() -> brokerTimeMs() - lastHeartbeat > LEASE.toMillis());

        long started = System.nanoTime();
        acquire("hub-1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LEASE.dividedBy(2));
    }

    @Test
    void anInstanceTakesAtOnceTheIdOfAPredecessorThatStoppedCleanly() {
        acquire("hub-1").close();

        long started = System.nanoTime();
        acquire("hub-1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LEASE.dividedBy(2));
    }

    @Test
    void aRunningInstanceReportsAnotherProcessHeartbeatingForItsId() {
        InstanceLease running = acquire("hub-1");

        heartbeatOfAnotherProcess("hub-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> running.status().conflict());
        assertThat(running.status().otherHolder().host()).isEqualTo("other-host");
    }

    @Test
    void theConflictEndsOnceTheOtherProcessIsSilentForTheLease() {
        InstanceLease running = acquire("hub-1");
        heartbeatOfAnotherProcess("hub-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> running.status().conflict());

        await().atMost(LEASE.plusSeconds(5)).until(() -> !running.status().conflict());
    }

    private InstanceLease acquire(String id) {
        InstanceLease lease = InstanceLease.acquire(new InstanceIdentity(id), new HubKafkaClients(settings()),
                properties, Clock.systemUTC());
        leases.add(lease);
        return lease;
    }

    /** Writes what another process holding the id writes each heartbeat; returns the broker's time of it. */
    private long heartbeatOfAnotherProcess(String id) {
        InstanceHeartbeat other = new InstanceHeartbeat(UUID.randomUUID().toString(), 4242, "other-host");
        return write(id, other.toBytes());
    }

    private long brokerTimeMs() {
        return write(InstanceLease.PROBE_KEY, null);
    }

    private long write(String key, byte[] value) {
        Map<String, Object> config = settings().commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(properties.topic(), 0, key, value)).get(30, TimeUnit.SECONDS)
                    .timestamp();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + properties.topic(), e);
        }
    }

    private static KafkaClientSettings settings() {
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public Map<String, Object> commonProperties() {
                Map<String, Object> common = new HashMap<>();
                common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
                return common;
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }
}
