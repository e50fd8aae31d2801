package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class HubKafkaClientsTest {

    private static final String BOOTSTRAP = "broker-1:9093,broker-2:9093";

    private final HubKafkaClients clients = new HubKafkaClients(new KafkaClientSettings() {
        @Override
        public String bootstrapServers() {
            return BOOTSTRAP;
        }

        @Override
        public Map<String, Object> commonProperties() {
            Map<String, Object> common = new HashMap<>();
            common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            common.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
            return common;
        }

        @Override
        public int clusterSize() {
            return 3;
        }
    });

    @Test
    void consumersReadOnlyCommittedRecordsAndNeverCommitOffsetsOnTheirOwn() {
        Map<String, Object> config = clients.consumerConfig("ips-hub-inbox-reader-1", Map.of());

        assertThat(config)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void producersAreIdempotentAndWaitForEveryInSyncReplica() {
        Map<String, Object> config = clients.producerConfig("ips-hub-hub-1", Map.of());

        assertThat(config)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Test
    void aTransactionalProducerIsAnIdempotentProducerWithItsTransactionalId() {
        Map<String, Object> config = clients.transactionalProducerConfig("ips-hub-migration-hub-1", "ips-hub-migration",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));

        assertThat(config)
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ips-hub-migration")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "ips-hub-migration-hub-1")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    @Test
    void everyClientIsNamedByItsCallerAndReachesTheClusterWithItsSecuritySettings() {
        for (Map<String, Object> config : List.of(
                clients.consumerConfig("ips-hub-intake-replies-hub-1", Map.of()),
                clients.producerConfig("ips-hub-hub-1", Map.of()),
                clients.transactionalProducerConfig("ips-hub-ingress-hub-1-0", "ips-hub-ingress-hub-1-0", Map.of()),
                clients.adminConfig("hub-health", Map.of()))) {
            assertThat(config)
                    .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP)
                    .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                    .containsKey(CommonClientConfigs.CLIENT_ID_CONFIG);
        }
        assertThat(clients.consumerConfig("ips-hub-intake-replies-hub-1", Map.of()))
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "ips-hub-intake-replies-hub-1");
        assertThat(clients.adminConfig("hub-health", Map.of()))
                .containsEntry(AdminClientConfig.CLIENT_ID_CONFIG, "hub-health");
    }

    @Test
    void aCallersOverridesWinOverTheHubsSettings() {
        Map<String, Object> consumer = clients.consumerConfig("ips-hub-intake-state-hub-1-end", Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        Map<String, Object> producer = clients.producerConfig("ips-hub-instance-lease-hub-1", Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        Map<String, Object> admin = clients.adminConfig("hub-ops", Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 200));

        assertThat(consumer)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        assertThat(producer)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "1")
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat(admin).containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 200);
    }

    @Test
    void aClientsSettingsDoNotLeakIntoTheNextOne() {
        clients.consumerConfig("ips-hub-migration-hub-1", Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1));

        assertThat(clients.consumerConfig("ips-hub-inbox-reader-2", Map.of()))
                .doesNotContainKey(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
    }

    @Test
    void theClientsItMakesCarryTheseSettings() {
        // made without contacting a broker (nothing listens there); a setting Kafka refuses would throw here
        Map<String, Object> local = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        try (var consumer = clients.consumer("ips-hub-inbox-reader-3", local);
                var producer = clients.transactionalProducer("ips-hub-ingress-hub-1-1", "ips-hub-ingress-hub-1-1",
                        local)) {
            assertThat(consumer.metrics().keySet()).anyMatch(name ->
                    "ips-hub-inbox-reader-3".equals(name.tags().get("client-id")));
            assertThat(producer.metrics().keySet()).anyMatch(name ->
                    "ips-hub-ingress-hub-1-1".equals(name.tags().get("client-id")));
        }
    }
}
