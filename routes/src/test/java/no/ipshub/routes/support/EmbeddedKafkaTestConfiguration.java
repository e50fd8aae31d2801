package no.ipshub.routes.support;

import java.util.HashMap;
import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.client.SchemaRegistryClients;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Infrastructure of the routes integration tests: one in-process KRaft broker for the whole test context
 * (shared by every IT class that uses the same configuration), the {@link KafkaClientSettings} that point
 * at it, and an in-memory schema registry that a test can take away for a while.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedKafkaTestConfiguration {

    public static final String REGISTRY_URL = "mock://routes-it";

    @Bean(destroyMethod = "destroy")
    EmbeddedKafkaKraftBroker embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return broker;
    }

    @Bean
    KafkaClientSettings kafkaClientSettings(EmbeddedKafkaKraftBroker broker) {
        String bootstrap = broker.getBrokersAsString();
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return bootstrap;
            }

            @Override
            public Map<String, Object> commonProperties() {
                Map<String, Object> common = new HashMap<>();
                common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                return common;
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }

    @Bean
    SwitchableSchemaRegistry switchableSchemaRegistry() {
        return new SwitchableSchemaRegistry(SchemaRegistryClients.create(REGISTRY_URL));
    }

    @Bean
    SchemaRegistryClient schemaRegistryClient(SwitchableSchemaRegistry registry) {
        return registry.client();
    }
}
