package no.ipshub.registry.core;

import static no.ipshub.registry.fixtures.TestMessages.GREETING_V1;
import static no.ipshub.registry.fixtures.TestMessages.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import no.ipshub.registry.client.RestSchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    private final String scope = "clients-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        SchemaRegistryClients.dropScope(scope);
    }

    @Test
    void clientsOfOneMockScopeShareTheirRegistry() {
        int id = SchemaRegistryClients.create("mock://" + scope).register("s-value", schema(GREETING_V1));

        assertThat(SchemaRegistryClients.create("mock://" + scope).getById(id)).isEqualTo(schema(GREETING_V1));
    }

    @Test
    void aDroppedScopeStartsEmpty() {
        SchemaRegistryClients.create("mock://" + scope).register("s-value", schema(GREETING_V1));
        SchemaRegistryClients.dropScope(scope);

        assertThat(SchemaRegistryClients.create("mock://" + scope).getSubjects()).isEmpty();
    }

    @Test
    void httpUrlsGiveTheRestClient() {
        assertThat(SchemaRegistryClients.create("http://a:8081, http://b:8081"))
                .isInstanceOf(RestSchemaRegistryClient.class);
    }

    @Test
    void aMockUrlCannotBeMixedWithOthers() {
        assertThatThrownBy(() -> SchemaRegistryClients.create("mock://" + scope + ",http://a:8081"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankUrlIsRefused() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
