package no.ipshub.registry.embedded;

import java.time.Duration;
import no.ipshub.registry.config.RegistryModeConditions;
import no.ipshub.registry.config.SchemaRegistryProperties;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code hub.schema-registry.url} blank, the hub runs its own registry on its Kafka cluster: the
 * {@code SchemaRegistryClient} bean answers in-process, and {@link SchemaRegistryController} (found by
 * component scan under the same condition) serves the Confluent REST API under {@code /registry}. Its log reader
 * restarts itself after a failure and tells a {@link EmbeddedSchemaRegistry.ReaderListener} bean, if there is one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RegistryModeConditions.Embedded.class)
@EnableConfigurationProperties(SchemaRegistryProperties.class)
public class EmbeddedSchemaRegistryConfiguration {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    EmbeddedSchemaRegistry embeddedSchemaRegistry(KafkaClientSettings kafka, SchemaRegistryProperties properties,
            ObjectProvider<EmbeddedSchemaRegistry.ReaderListener> listener) {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka, properties.topic(), KAFKA_TIMEOUT,
                listener.getIfAvailable(() -> EmbeddedSchemaRegistry.ReaderListener.NONE));
        registry.start();
        return registry;
    }
}
