package no.ipshub.registry.config;

import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** With {@code hub.schema-registry.url} set, the hub talks to that registry over its REST API and serves none itself. */
@Configuration(proxyBeanMethods = false)
@Conditional(RegistryModeConditions.External.class)
@EnableConfigurationProperties(SchemaRegistryProperties.class)
public class ExternalSchemaRegistryConfiguration {

    @Bean
    SchemaRegistryClient schemaRegistryClient(SchemaRegistryProperties properties) {
        return SchemaRegistryClients.create(properties.url());
    }
}
