package no.ipshub.engine.support;

import java.util.HashMap;
import java.util.Map;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker for a whole test context (shared by every IT class that uses the same
 * configuration) and the {@link KafkaClientSettings} that point at it, as the hub module provides them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedKafkaTestConfiguration {

    @Bean(destroyMethod = "destroy")
    public EmbeddedKafkaKraftBroker embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        // one node: the transaction log has one replica; a few partitions start quicker than the default 50
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("transaction.state.log.num.partitions", "2");
        broker.brokerProperty("offsets.topic.num.partitions", "2");
        broker.afterPropertiesSet();
        return broker;
    }

    @Bean
    public KafkaClientSettings kafkaClientSettings(EmbeddedKafkaKraftBroker broker) {
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

}
