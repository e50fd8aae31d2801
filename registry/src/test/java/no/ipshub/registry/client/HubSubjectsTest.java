package no.ipshub.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.registry.core.InMemorySchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** Registering the hub's subjects at start-up writes only what the registry does not hold yet. */
class HubSubjectsTest {

    private static final Schema V1 = SchemaBuilder.record("Greeting").namespace("no.ipshub.test").fields()
            .requiredString("text").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Greeting").namespace("no.ipshub.test").fields()
            .requiredString("text").optionalString("language").endRecord();

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void aRestartWithTheSameSchemasRegistersNothing() {
        Map<String, Schema> topics = topics(V1);

        assertThat(HubSubjects.ensureRegistered(registry, topics)).isEqualTo(2);
        assertThat(HubSubjects.ensureRegistered(registry, topics)).isZero();

        assertThat(registry.getVersions("ips.a-v1-value")).containsExactly(1);
        assertThat(registry.getCompatibility("ips.b-v1-value")).isEqualTo(HubSubjects.HUB_LEVEL);
    }

    @Test
    void aChangedOrMissingSubjectIsRegistered() {
        HubSubjects.ensureRegistered(registry, Map.of("ips.a-v1", V1));

        assertThat(HubSubjects.ensureRegistered(registry, topics(V2))).isEqualTo(2);

        assertThat(registry.getLatest("ips.a-v1-value").schema()).isEqualTo(V2);
        assertThat(registry.getLatest("ips.b-v1-value").schema()).isEqualTo(V2);
        assertThat(registry.getCompatibility("ips.b-v1-value")).isEqualTo(HubSubjects.HUB_LEVEL);
    }

    @Test
    void theListingIsLimitedToWhatTheTopicsShare() {
        assertThat(HubSubjects.commonPrefix(topics(V1))).isEqualTo("ips.");
        assertThat(HubSubjects.commonPrefix(Map.of())).isEmpty();
    }

    private static Map<String, Schema> topics(Schema schema) {
        Map<String, Schema> topics = new LinkedHashMap<>();
        topics.put("ips.a-v1", schema);
        topics.put("ips.b-v1", schema);
        return topics;
    }
}
