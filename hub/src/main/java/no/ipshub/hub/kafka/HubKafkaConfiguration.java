package no.ipshub.hub.kafka;

import no.ipshub.registry.kafka.KafkaClientSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link KafkaClientSettings} bean: the embedded broker when {@code hub.kafka.brokers} is blank,
 * otherwise the settings of the external cluster.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubKafkaProperties.class)
public class HubKafkaConfiguration {

    @Bean
    @Conditional(EmbeddedKafkaCondition.class)
    EmbeddedKafkaBroker embeddedKafkaBroker(HubKafkaProperties properties) {
        return EmbeddedKafkaEarlyStart.take(properties.embedded());
    }

    @Bean
    @Conditional(EmbeddedKafkaCondition.Not.class)
    ExternalKafkaClientSettings externalKafkaClientSettings(HubKafkaProperties properties) {
        return new ExternalKafkaClientSettings(properties.brokers().strip(), properties.properties(),
                properties.clusterSize());
    }
}
