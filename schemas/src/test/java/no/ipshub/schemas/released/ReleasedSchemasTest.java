package no.ipshub.schemas.released;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReleasedSchemasTest {

    @ParameterizedTest
    @EnumSource(SchemaContract.class)
    void everyContractHasAFirstReleasedVersion(SchemaContract contract) {
        assertThat(ReleasedSchemas.of(contract).get(0).resource())
                .isEqualTo("released/" + contract.id() + "/v1.avsc");
    }

    @ParameterizedTest
    @EnumSource(SchemaContract.class)
    void versionsAreNumberedFromOneWithoutGaps(SchemaContract contract) {
        assertThat(ReleasedSchemas.of(contract)).extracting(ReleasedSchema::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, ReleasedSchemas.of(contract).size()).boxed().toList());
    }

    /*
     * A change to a contract must be released as a new file, or producers would register a schema that no
     * released file records. Docs count: the registry stores them too.
     */
    @ParameterizedTest
    @EnumSource(SchemaContract.class)
    void theLatestReleasedVersionIsTheSchemaTheGeneratedClassesCarry(SchemaContract contract) {
        assertThat(ReleasedSchemas.latest(contract).schema())
                .as("%s differs from the current schema; release the change as v%d", ReleasedSchemas.latest(contract)
                        .resource(), ReleasedSchemas.latest(contract).version() + 1)
                .isEqualTo(contract.currentSchema());
    }

    @Test
    void allListsEveryVersionOfEveryContract() {
        assertThat(ReleasedSchemas.all()).extracting(ReleasedSchema::contract)
                .containsOnly(SchemaContract.values());
    }
}
