package no.ipshub.schemas.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ContractBoundsTest {

    /** Path in the JSON form -> records holding a string or enum field there, walking the generated schema. */
    private static Map<String, List<String>> textFieldsOfTheContracts() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        collect(HubMessage.getClassSchema(), "", fields);
        return fields;
    }

    private static void collect(Schema record, String prefix, Map<String, List<String>> fields) {
        for (Schema.Field field : record.getFields()) {
            List<Schema> types = field.schema().isUnion() ? field.schema().getTypes() : List.of(field.schema());
            for (Schema type : types) {
                switch (type.getType()) {
                    case STRING, ENUM -> fields.computeIfAbsent(prefix + field.name(), k -> new ArrayList<>())
                            .add(record.getName());
                    case RECORD -> collect(type, prefix + field.name() + ".", fields);
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void everyStringAndEnumFieldOfTheContractsHasABoundNamingItsRecords() {
        textFieldsOfTheContracts().forEach((path, records) -> assertThat(ContractBounds.of(path))
                .as(path).hasValueSatisfying(b -> assertThat(b.records()).containsExactlyInAnyOrderElementsOf(records)));
    }

    @Test
    void everyBoundIsAFieldOfTheContractsOrThePayloadTypeOfTheJsonForm() {
        Map<String, List<String>> fields = textFieldsOfTheContracts();

        assertThat(ContractBounds.all()).allSatisfy(b -> assertThat(
                fields.containsKey(b.field()) || b == ContractBounds.PAYLOAD_TYPE).as(b.field()).isTrue());
    }

    @Test
    void partnerIdsAreAtMostSixtyThreeLowerCaseLettersDigitsAndDashes() {
        assertThat(ContractBounds.isPartnerId("nav-bergenhus")).isTrue();
        assertThat(ContractBounds.isPartnerId("a".repeat(63))).isTrue();
        assertThat(ContractBounds.isPartnerId("a".repeat(64))).isFalse();
        assertThat(ContractBounds.isPartnerId("-nav")).isFalse();
        assertThat(ContractBounds.isPartnerId("Nav")).isFalse();
    }
}
