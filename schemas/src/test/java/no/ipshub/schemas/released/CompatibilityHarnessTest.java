package no.ipshub.schemas.released;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.function.Consumer;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/* Proves the compatibility harness can fail: schemas that break old data are reported, and do fail to read it. */
class CompatibilityHarnessTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void aNewRequiredFieldWithoutDefaultIsReportedIncompatible() {
        Schema candidate = changedHubMessage(fields -> fields.addObject().put("name", "priority").put("type", "string"));
        assertThat(BackwardTransitiveCheck.incompatibilities(candidate, ReleasedSchemas.of(SchemaContract.HUB_MESSAGE)))
                .first().asString().contains("released/hub-message/v1.avsc").contains("priority");
    }

    @Test
    void aNewOptionalFieldWithDefaultIsCompatible() {
        Schema candidate = changedHubMessage(fields -> {
            ObjectNode field = fields.addObject().put("name", "priority");
            field.putArray("type").add("null").add("string");
            field.putNull("default");
        });
        assertThat(BackwardTransitiveCheck.incompatibilities(candidate, ReleasedSchemas.of(SchemaContract.HUB_MESSAGE)))
                .isEmpty();
    }

    @Test
    void aFieldChangedFromStringToIntIsReportedIncompatible() {
        Schema candidate = changedHubMessage(fields -> ((ObjectNode) fields.get(1)).put("type", "int"));
        assertThat(BackwardTransitiveCheck.incompatibilities(candidate, ReleasedSchemas.of(SchemaContract.HUB_MESSAGE)))
                .isNotEmpty();
    }

    @Test
    void aPayloadKindDroppedFromTheUnionIsReportedIncompatible() {
        Schema candidate = changedHubMessage(fields -> ((ArrayNode) fields.get(8).get("type")).remove(2));
        assertThat(BackwardTransitiveCheck.incompatibilities(candidate, ReleasedSchemas.of(SchemaContract.HUB_MESSAGE)))
                .isNotEmpty();
    }

    @Test
    void dataWrittenWithTheReleasedVersionCannotBeReadWithANewRequiredField() {
        Schema released = ReleasedSchemas.latest(SchemaContract.HUB_MESSAGE).schema();
        Schema candidate = changedHubMessage(fields -> fields.addObject().put("name", "priority").put("type", "string"));
        byte[] written = ReleasedData.writeWithReleasedSchema(HubMessages.referral().build(), released);
        assertThatExceptionOfType(AvroTypeException.class).isThrownBy(() -> new GenericDatumReader<Object>(released,
                candidate).read(null, DecoderFactory.get().binaryDecoder(written, null)));
    }

    /* A future release adds an optional field; data written before it must read with the field's default. */
    @Test
    void dataFromAnOlderReleaseWithoutAnOptionalFieldReadsAsTheFieldsDefault() {
        Schema older = changedHubMessage(fields -> fields.remove(6));
        HubMessage sample = HubMessages.referral().correlationId("corr-1").build();
        HubMessage read = ReleasedData.readWithCurrentClass(ReleasedData.writeWithReleasedSchema(sample, older), older,
                HubMessage.class);
        assertThat(read).isEqualTo(ReleasedData.expectedAfterReading(sample, older))
                .isEqualTo(HubMessage.newBuilder(sample).setCorrelationId(null).build());
    }

    /** Today's HubMessage schema with its list of fields changed; the payload is field 8. */
    private static Schema changedHubMessage(Consumer<ArrayNode> change) {
        ObjectNode schema = (ObjectNode) MAPPER.readTree(SchemaContract.HUB_MESSAGE.currentSchema().toString());
        change.accept((ArrayNode) schema.get("fields"));
        return new Schema.Parser().parse(schema.toString());
    }
}
