package no.ipshub.hub.health;

import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.routes.instance.InstanceLease;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code kafka}, {@code registry}, {@code loops} and {@code instanceId} components of {@code /actuator/health} (the database is
 * Boot's {@code db}).
 */
@Configuration(proxyBeanMethods = false)
public class HubHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(HubKafkaClients kafka) {
        return new KafkaHealthIndicator(kafka);
    }

    @Bean
    LoopsHealthIndicator loopsHealthIndicator(SupervisedLoops loops) {
        return new LoopsHealthIndicator(loops);
    }

    @Bean
    InstanceIdHealthIndicator instanceIdHealthIndicator(InstanceLease lease) {
        return new InstanceIdHealthIndicator(lease::status);
    }

    @Bean
    RegistryHealthIndicator registryHealthIndicator(ObjectProvider<SchemaRegistryClient> registry) {
        return new RegistryHealthIndicator(registry);
    }
}
