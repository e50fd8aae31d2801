package no.ipshub.routes.support;

import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** An in-memory schema registry for a test context, which a test can take away for a while. */
@TestConfiguration(proxyBeanMethods = false)
public class SwitchableRegistryTestConfiguration {

    public static final String REGISTRY_URL = "mock://routes-it";

    @Bean
    SwitchableSchemaRegistry switchableSchemaRegistry() {
        return new SwitchableSchemaRegistry(SchemaRegistryClients.create(REGISTRY_URL));
    }

    @Bean
    SchemaRegistryClient schemaRegistryClient(SwitchableSchemaRegistry registry) {
        return registry.client();
    }
}
