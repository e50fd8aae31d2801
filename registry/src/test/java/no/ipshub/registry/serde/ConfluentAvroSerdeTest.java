package no.ipshub.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.fixtures.TestMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    private static final String TOPIC = "ips.referral-v1";

    private final String scope = "serde-" + UUID.randomUUID();
    private final String url = "mock://" + scope;

    @AfterEach
    void dropScope() {
        SchemaRegistryClients.dropScope(scope);
    }

    @Test
    void aSpecificReaderGetsBackTheGeneratedClass() {
        HubMessage message = TestMessages.referralMessage();

        Object read = deserializer(true).deserialize(TOPIC, serializer(false).serialize(TOPIC, message));

        assertThat(read).isEqualTo(message);
    }

    @Test
    void aGenericReaderGetsAGenericRecord() {
        HubMessage message = TestMessages.referralMessage();

        Object read = deserializer(false).deserialize(TOPIC, serializer(false).serialize(TOPIC, message));

        assertThat(((GenericRecord) read).get("messageId").toString()).isEqualTo(message.getMessageId());
    }

    @Test
    void keysAreRegisteredUnderTheTopicKeySubject() {
        serializer(true).serialize(TOPIC, TestMessages.referralMessage());

        assertThat(SchemaRegistryClients.mockScope(scope).getSubjects()).containsExactly(TOPIC + "-key");
    }

    @Test
    void aNullValueIsWrittenAsATombstone() {
        assertThat(serializer(false).serialize(TOPIC, null)).isNull();
    }

    @Test
    void aTombstoneIsReadAsNull() {
        assertThat(deserializer(true).deserialize(TOPIC, null)).isNull();
    }

    @Test
    void aStringRoundTripsWithThePrimitiveStringSchema() {
        Object read = deserializer(false).deserialize(TOPIC, serializer(false).serialize(TOPIC, "case-4711"));

        assertThat(read).isEqualTo("case-4711");
    }

    @Test
    void autoRegistrationCanBeSwitchedOff() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url, "auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, TestMessages.referralMessage()))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.UNKNOWN_SCHEMA_ID));
    }

    @Test
    void aClientGivenInTheConfigurationIsUsedInsteadOfAUrl() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(ConfluentAvroSerializer.SCHEMA_REGISTRY_CLIENT_CONFIG,
                SchemaRegistryClients.mockScope(scope)), false);

        serializer.serialize(TOPIC, TestMessages.referralMessage());

        assertThat(SchemaRegistryClients.mockScope(scope).getSubjects()).containsExactly(TOPIC + "-value");
    }

    @Test
    void aMissingRegistryUrlIsAConfigurationError() {
        assertThatThrownBy(() -> new ConfluentAvroSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void aFlagThatIsNotABooleanIsAConfigurationError() {
        assertThatThrownBy(() -> new ConfluentAvroSerializer()
                .configure(Map.of("schema.registry.url", url, "auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class);
    }

    private ConfluentAvroSerializer serializer(boolean isKey) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url), isKey);
        return serializer;
    }

    private ConfluentAvroDeserializer deserializer(boolean specific) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", url, "specific.avro.reader", specific), false);
        return deserializer;
    }
}
