package no.ipshub.schemas.released;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/*
 * The hub's subjects are BACKWARD_TRANSITIVE: today's generated classes must read what any released version
 * wrote. Checked twice: by Avro's schema compatibility rules, and by actually writing sample records with
 * each released schema and reading them into the generated classes.
 */
class BackwardTransitiveCompatibilityTest {

    @ParameterizedTest
    @EnumSource(SchemaContract.class)
    void theCurrentSchemaCanReadEveryReleasedVersion(SchemaContract contract) {
        assertThat(BackwardTransitiveCheck.incompatibilities(contract.currentSchema(), ReleasedSchemas.of(contract)))
                .isEmpty();
    }

    static Stream<Arguments> samplesPerReleasedVersion() {
        return ReleasedSchemas.all().stream().flatMap(released -> {
            List<SpecificRecordBase> samples = ReleasedSamples.of(released.contract());
            return samples.stream().map(sample -> Arguments.of(released.resource() + " #" + samples.indexOf(sample),
                    released, sample));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesPerReleasedVersion")
    void dataWrittenWithAReleasedVersionIsReadIntoTheGeneratedClass(String name, ReleasedSchema released,
            SpecificRecordBase sample) {
        byte[] written = ReleasedData.writeWithReleasedSchema(sample, released.schema());
        SpecificRecordBase read = ReleasedData.readWithCurrentClass(written, released.schema(), sample.getClass());
        assertThat(read).isEqualTo(ReleasedData.expectedAfterReading(sample, released.schema()));
    }
}
