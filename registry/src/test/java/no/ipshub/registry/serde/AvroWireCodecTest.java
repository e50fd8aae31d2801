package no.ipshub.registry.serde;

import static no.ipshub.registry.fixtures.TestMessages.GREETING_V1;
import static no.ipshub.registry.fixtures.TestMessages.GREETING_V2;
import static no.ipshub.registry.fixtures.TestMessages.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.ipshub.registry.client.RestSchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.fixtures.TestMessages;
import no.ipshub.registry.serde.WireFormatException.Kind;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class AvroWireCodecTest {

    /**
     * The Greeting {"text": "hi", "count": 3} written with schema id 1, byte by byte: magic byte 0, the id
     * as a big-endian int, then Avro binary (string: zig-zag length 2 = 0x04 and the UTF-8 bytes; int:
     * zig-zag 3 = 0x06).
     */
    private static final byte[] GREETING_FIXTURE = {0, 0, 0, 0, 1, 0x04, 'h', 'i', 0x06};

    private final String scope = "codec-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope);

    @AfterEach
    void dropScope() {
        SchemaRegistryClients.dropScope(scope);
    }

    @Test
    void handBuiltWireFormatBytesDecodeAsAGenericRecord() {
        assertThat(registry.register("greetings-value", schema(GREETING_V1))).isEqualTo(1);

        GenericRecord greeting = new AvroWireCodec(registry, false, false).decodeGeneric(GREETING_FIXTURE);

        assertThat(List.of(greeting.get("text").toString(), greeting.get("count"))).containsExactly("hi", 3);
    }

    @Test
    void aGenericRecordEncodesToExactlyTheHandBuiltBytes() {
        GenericRecord greeting = new GenericData.Record(schema(GREETING_V1));
        greeting.put("text", "hi");
        greeting.put("count", 3);

        byte[] bytes = new AvroWireCodec(registry, true, false).encode("greetings", greeting);

        assertThat(bytes).containsExactly(GREETING_FIXTURE);
    }

    @Test
    void aHubMessageRoundTripsAsTheGeneratedClass() {
        AvroWireCodec codec = new AvroWireCodec(registry, true, false);
        HubMessage message = TestMessages.referralMessage();

        HubMessage read = codec.decode(codec.encode("ips.referral-v1", message), HubMessage.class);

        assertThat(read).isEqualTo(message);
    }

    @Test
    void encodingRegistersTheSchemaUnderTheTopicValueSubject() {
        new AvroWireCodec(registry, true, false).encode("ips.referral-v1", TestMessages.referralMessage());

        assertThat(registry.getLatest("ips.referral-v1-value").schema()).isEqualTo(HubMessage.getClassSchema());
    }

    @Test
    void dataWrittenWithAnOlderSchemaIsReadThroughSchemaResolution() {
        Schema older = hubMessageWithout("correlationId", "schemaVersion");
        HubMessage current = TestMessages.referralMessage();
        GenericRecord old = new GenericData.Record(older);
        for (Schema.Field field : older.getFields()) {
            old.put(field.name(), current.get(field.name()));
        }
        AvroWireCodec codec = new AvroWireCodec(registry, true, false);

        HubMessage read = codec.decode(codec.encode("ips.referral-v1", old), HubMessage.class);

        assertThat(read.getSchemaVersion()).isEqualTo(1);
    }

    @Test
    void afterTheFirstRecordNeitherEncodingNorDecodingCallsTheRegistry() {
        SchemaRegistryClient counted = spy(SchemaRegistryClients.mockScope(scope));
        AvroWireCodec codec = new AvroWireCodec(counted, true, false);

        for (int i = 0; i < 5; i++) {
            codec.decode(codec.encode("ips.referral-v1", TestMessages.referralMessage()), HubMessage.class);
        }

        verify(counted, times(1)).register(anyString(), any());
        verify(counted, times(1)).getById(anyInt());
    }

    @Test
    void aFirstByteOtherThanZeroIsAWrongMagicByte() {
        byte[] bytes = GREETING_FIXTURE.clone();
        bytes[0] = 1;

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_MAGIC_BYTE));
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsAnUnknownSchemaId() {
        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(GREETING_FIXTURE))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_SCHEMA_ID));
    }

    @Test
    void bytesShorterThanTheHeaderAreTruncated() {
        byte[] bytes = Arrays.copyOf(GREETING_FIXTURE, 3);

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED));
    }

    @Test
    void anAvroBodyThatEndsEarlyIsTruncated() {
        registry.register("greetings-value", schema(GREETING_V1));
        byte[] bytes = Arrays.copyOf(GREETING_FIXTURE, GREETING_FIXTURE.length - 1);

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED));
    }

    @Test
    void aTruncatedRecordCarriesNoIoExceptionThatWouldLookTransient() {
        registry.register("greetings-value", schema(GREETING_V1));
        byte[] bytes = Arrays.copyOf(GREETING_FIXTURE, GREETING_FIXTURE.length - 1);

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(bytes))
                .hasNoCause();
    }

    @Test
    void bytesLeftAfterTheAvroBodyAreMalformed() {
        registry.register("greetings-value", schema(GREETING_V1));
        byte[] bytes = Arrays.copyOf(GREETING_FIXTURE, GREETING_FIXTURE.length + 1);

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_AVRO));
    }

    @Test
    void aStringLengthBeyondTheBytesIsNotReadAsData() {
        registry.register("greetings-value", schema(GREETING_V1));
        // zig-zag varint 0xfe 0xff 0xff 0xff 0x07 = a string of 1 073 741 823 bytes in a 10-byte message
        byte[] bytes = {0, 0, 0, 0, 1, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decodeGeneric(bytes))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void dataThatCannotBeReadAsTheRequestedClassIsMalformed() {
        registry.register("greetings-value", schema(GREETING_V1));

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, false).decode(GREETING_FIXTURE, HubMessage.class))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_AVRO));
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaIsAnUnknownSchemaId() {
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);

        assertThatThrownBy(() -> codec.encode("ips.referral-v1", TestMessages.referralMessage()))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_SCHEMA_ID));
    }

    @Test
    void withoutAutoRegistrationARegisteredSchemaIsFoundById() {
        int id = registry.register("ips.referral-v1-value", HubMessage.getClassSchema());

        byte[] bytes = new AvroWireCodec(registry, false, false).encode("ips.referral-v1", TestMessages.referralMessage());

        assertThat(AvroWireCodec.schemaId(bytes)).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheIdOfTheLatestVersion() {
        registry.register("greetings-value", schema(GREETING_V1));
        int latest = registry.register("greetings-value", schema(GREETING_V2));
        GenericRecord greeting = new GenericData.Record(schema(GREETING_V2));
        greeting.put("text", "hi");
        greeting.put("count", 3);

        byte[] bytes = new AvroWireCodec(registry, false, true).encode("greetings", greeting);

        assertThat(AvroWireCodec.schemaId(bytes)).isEqualTo(latest);
    }

    @Test
    void useLatestVersionRefusesARecordThatWouldEncodeDifferently() {
        registry.register("greetings-value", schema(GREETING_V2));
        GenericRecord greeting = new GenericData.Record(schema(GREETING_V1));
        greeting.put("text", "hi");
        greeting.put("count", 3);

        assertThatThrownBy(() -> new AvroWireCodec(registry, false, true).encode("greetings", greeting))
                .hasMessageContaining("does not encode like");
    }

    @Test
    void aRecordMissingARequiredFieldIsMalformed() {
        GenericRecord greeting = new GenericData.Record(schema(GREETING_V1));
        greeting.put("count", 3);

        assertThatThrownBy(() -> new AvroWireCodec(registry, true, false).encode("greetings", greeting))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_AVRO));
    }

    @Test
    void anUnreachableRegistryIsRegistryUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SchemaRegistryClient unreachable = new RestSchemaRegistryClient(List.of("http://127.0.0.1:" + port),
                new RestSchemaRegistryClient.Settings(Duration.ofMillis(500), Duration.ofSeconds(1), 0,
                        Duration.ofMillis(1), Duration.ofMillis(1)));

        assertThatThrownBy(() -> new AvroWireCodec(unreachable, false, false).decodeGeneric(GREETING_FIXTURE))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REGISTRY_UNAVAILABLE));
    }

    /** HubMessage's schema with some optional fields removed, as an earlier release might have had it. */
    private static Schema hubMessageWithout(String... fields) {
        JsonMapper json = JsonMapper.shared();
        ObjectNode root = (ObjectNode) json.readTree(HubMessage.getClassSchema().toString());
        ArrayNode kept = json.createArrayNode();
        root.get("fields").forEach(field -> {
            if (!List.of(fields).contains(field.get("name").asString())) {
                kept.add(field);
            }
        });
        root.set("fields", kept);
        return new Schema.Parser().parse(root.toString());
    }
}
