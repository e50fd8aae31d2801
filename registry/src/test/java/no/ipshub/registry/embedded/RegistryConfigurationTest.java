package no.ipshub.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.config.ExternalSchemaRegistryConfiguration;
import no.ipshub.registry.core.SchemaRegistryClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RegistryConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(
            EmbeddedSchemaRegistryConfiguration.class, ExternalSchemaRegistryConfiguration.class,
            SchemaRegistryController.class);

    @Test
    void aConfiguredUrlGivesAClientForThatRegistry() {
        context.withPropertyValues("hub.schema-registry.url=mock://configured").run(app ->
                assertThat(app.getBean(SchemaRegistryClient.class)).isSameAs(SchemaRegistryClients.mockScope("configured")));
    }

    @Test
    void aConfiguredUrlStartsNoEmbeddedRegistryAndServesNoApi() {
        context.withPropertyValues("hub.schema-registry.url=mock://configured").run(app ->
                assertThat(app.getBeanNamesForType(EmbeddedSchemaRegistry.class).length
                        + app.getBeanNamesForType(SchemaRegistryController.class).length).isZero());
    }

    @Test
    void aBlankUrlAsksForTheEmbeddedRegistry() {
        // without a KafkaClientSettings bean the embedded registry cannot start: the failure shows it was chosen
        context.withPropertyValues("hub.schema-registry.url= ").run(app ->
                assertThat(app).getFailure().hasMessageContaining("KafkaClientSettings"));
    }
}
