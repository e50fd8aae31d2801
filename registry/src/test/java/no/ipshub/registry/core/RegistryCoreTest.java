package no.ipshub.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.core.RegistryCore.VersionFilter;
import org.apache.avro.Schema;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RegistryCoreTest {

    private static final Schema TEXT = record("{\"name\":\"text\",\"type\":\"string\"}");
    private static final Schema TEXT_AND_LANGUAGE_WITH_DEFAULT = record(
            "{\"name\":\"text\",\"type\":\"string\"},{\"name\":\"language\",\"type\":\"string\",\"default\":\"nb\"}");
    private static final Schema TEXT_AND_REQUIRED_LANGUAGE = record(
            "{\"name\":\"text\",\"type\":\"string\"},{\"name\":\"language\",\"type\":\"string\"}");
    private static final Schema LANGUAGE_ONLY = record("{\"name\":\"language\",\"type\":\"string\",\"default\":\"nb\"}");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void theFirstSchemaGetsIdOneAndVersionOne() {
        SubjectVersion registered = registry.registerVersion("a-value", TEXT);

        assertThat(List.of(registered.id(), registered.version())).containsExactly(1, 1);
    }

    @Test
    void theSameSchemaGetsTheSameIdInEverySubject() {
        int first = registry.register("a-value", TEXT);
        registry.register("b-value", LANGUAGE_ONLY);

        assertThat(registry.register("c-value", TEXT)).isEqualTo(first);
    }

    @Test
    void registeringASchemaTwiceReturnsTheExistingVersion() {
        registry.register("a-value", TEXT);
        registry.register("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT);

        assertThat(registry.registerVersion("a-value", TEXT).version()).isEqualTo(1);
    }

    @Test
    void schemasDifferingOnlyInLayoutAreTheSameSchema() {
        int id = registry.register("a-value", TEXT);
        Schema reformatted = SchemaText.parse(TEXT.toString(true));

        assertThat(registry.getId("a-value", reformatted)).isEqualTo(id);
    }

    @Test
    void aChangedDefaultMakesADifferentSchema() {
        registry.register("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT);
        Schema otherDefault = SchemaText.parse(TEXT_AND_LANGUAGE_WITH_DEFAULT.toString().replace("\"nb\"", "\"nn\""));

        assertThat(registry.register("a-value", otherDefault)).isEqualTo(2);
    }

    @Test
    void theDefaultLevelIsBackward() {
        assertThat(registry.getCompatibility("a-value")).isEqualTo("BACKWARD");
    }

    @Test
    void backwardRejectsANewRequiredField() {
        registry.register("a-value", TEXT);

        assertError(() -> registry.register("a-value", TEXT_AND_REQUIRED_LANGUAGE), 409);
    }

    @Test
    void backwardAcceptsANewFieldWithADefault() {
        registry.register("a-value", TEXT);

        assertThat(registry.registerVersion("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT).version()).isEqualTo(2);
    }

    @Test
    void backwardChecksTheLatestVersionOnly() {
        registry.register("a-value", TEXT);
        registry.register("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT);

        assertThat(registry.registerVersion("a-value", TEXT_AND_REQUIRED_LANGUAGE).version()).isEqualTo(3);
    }

    @Test
    void backwardTransitiveChecksEveryLiveVersion() {
        registry.setCompatibility("a-value", "BACKWARD_TRANSITIVE");
        registry.register("a-value", TEXT);
        registry.register("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT);

        assertError(() -> registry.register("a-value", TEXT_AND_REQUIRED_LANGUAGE), 409);
    }

    @Test
    void forwardRejectsRemovingAFieldOldReadersNeed() {
        registry.setCompatibility("a-value", "FORWARD");
        registry.register("a-value", TEXT_AND_REQUIRED_LANGUAGE);

        assertError(() -> registry.register("a-value", LANGUAGE_ONLY), 409);
    }

    @Test
    void forwardAcceptsANewRequiredField() {
        registry.setCompatibility("a-value", "FORWARD");
        registry.register("a-value", TEXT);

        assertThat(registry.registerVersion("a-value", TEXT_AND_REQUIRED_LANGUAGE).version()).isEqualTo(2);
    }

    @Test
    void fullRejectsAChangeThatIsOnlyForwardCompatible() {
        registry.setCompatibility("a-value", "FULL");
        registry.register("a-value", TEXT);

        assertError(() -> registry.register("a-value", TEXT_AND_REQUIRED_LANGUAGE), 409);
    }

    @Test
    void noneAcceptsAnything() {
        registry.setCompatibility("a-value", "NONE");
        registry.register("a-value", TEXT);

        assertThat(registry.registerVersion("a-value", record("{\"name\":\"n\",\"type\":\"int\"}")).version()).isEqualTo(2);
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOne() {
        registry.setCompatibility(null, "NONE");
        registry.setCompatibility("a-value", "FULL_TRANSITIVE");

        assertThat(List.of(registry.getCompatibility("a-value"), registry.getCompatibility("b-value")))
                .containsExactly("FULL_TRANSITIVE", "NONE");
    }

    @Test
    void anUnknownLevelIsError42203() {
        assertError(() -> registry.setCompatibility("a-value", "SIDEWAYS"), 42203);
    }

    @Test
    void incompatibilityMessagesNameTheProblemAndTheLevel() {
        registry.register("a-value", TEXT);

        assertThat(registry.compatibilityProblems("a-value", TEXT_AND_REQUIRED_LANGUAGE, 0))
                .anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("version 1"))
                .contains("compatibility level: BACKWARD");
    }

    @Test
    void invalidSchemaTextIsError42201() {
        assertError(() -> SchemaText.parse("{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\"}]}"), 42201);
    }

    @Test
    void anUnknownSubjectIsError40401() {
        assertError(() -> registry.getLatest("nothing-value"), 40401);
    }

    @Test
    void anUnknownVersionIsError40402() {
        registry.register("a-value", TEXT);

        assertError(() -> registry.getVersion("a-value", 7), 40402);
    }

    @Test
    void versionZeroIsError42202() {
        registry.register("a-value", TEXT);

        assertError(() -> registry.getVersion("a-value", 0), 42202);
    }

    @Test
    void anUnknownIdIsError40403() {
        assertError(() -> registry.getById(99), 40403);
    }

    @Test
    void aSchemaNotUnderTheSubjectIsError40403OnLookup() {
        registry.register("a-value", TEXT);

        assertError(() -> registry.getId("a-value", LANGUAGE_ONLY), 40403);
    }

    @Test
    void aSoftDeletedVersionIsHiddenButStillReadableWithDeleted() {
        registry.register("a-value", TEXT);
        registry.register("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT);
        registry.deleteVersion("a-value", 2, false);

        assertThat(List.of(registry.getVersions("a-value"), registry.versions("a-value", VersionFilter.INCLUDE_DELETED)))
                .containsExactly(List.of(1), List.of(1, 2));
    }

    @Test
    void deletingASoftDeletedVersionAgainIsError40406() {
        registry.register("a-value", TEXT);
        registry.deleteVersion("a-value", 1, false);

        assertError(() -> registry.deleteVersion("a-value", 1, false), 40406);
    }

    @Test
    void aLiveVersionCannotBeDeletedPermanentlyFirst() {
        registry.register("a-value", TEXT);

        assertError(() -> registry.deleteVersion("a-value", 1, true), 40407);
    }

    @Test
    void aSoftDeletedSubjectDisappearsFromTheSubjectList() {
        registry.register("a-value", TEXT);
        registry.register("b-value", TEXT);
        registry.deleteSubject("a-value", false);

        assertThat(registry.getSubjects()).containsExactly("b-value");
    }

    @Test
    void deletingASubjectReturnsItsLiveVersions() {
        registry.register("a-value", TEXT);
        registry.register("a-value", TEXT_AND_LANGUAGE_WITH_DEFAULT);

        assertThat(registry.deleteSubject("a-value", false)).containsExactly(1, 2);
    }

    @Test
    void softDeletingASoftDeletedSubjectIsError40404() {
        registry.register("a-value", TEXT);
        registry.deleteSubject("a-value", false);

        assertError(() -> registry.deleteSubject("a-value", false), 40404);
    }

    @Test
    void aLiveSubjectCannotBeDeletedPermanentlyFirst() {
        registry.register("a-value", TEXT);

        assertError(() -> registry.deleteSubject("a-value", true), 40405);
    }

    @Test
    void aPermanentlyDeletedSubjectLosesItsOwnLevel() {
        registry.register("a-value", TEXT);
        registry.setCompatibility("a-value", "NONE");
        registry.deleteSubject("a-value", false);
        registry.deleteSubject("a-value", true);

        assertThat(registry.subjectLevel("a-value")).isEmpty();
    }

    @Test
    void registeringAfterASoftDeleteContinuesTheVersionNumbers() {
        registry.register("a-value", TEXT);
        registry.deleteSubject("a-value", false);

        assertThat(registry.registerVersion("a-value", LANGUAGE_ONLY).version()).isEqualTo(2);
    }

    @Test
    void reRegisteringASoftDeletedSchemaKeepsItsId() {
        int id = registry.register("a-value", TEXT);
        registry.deleteSubject("a-value", false);

        assertThat(registry.register("a-value", TEXT)).isEqualTo(id);
    }

    @Test
    void idsStayReadableAndAreNeverReusedAfterAPermanentDelete() {
        int id = registry.register("a-value", TEXT);
        registry.deleteSubject("a-value", false);
        registry.deleteSubject("a-value", true);

        int next = registry.register("b-value", LANGUAGE_ONLY);

        assertThat(List.of(registry.getById(id), next)).containsExactly(TEXT, id + 1);
    }

    @Test
    void aRegistrationClaimingATakenVersionIsNotApplied() {
        RegistryCore core = new RegistryCore();
        RegistryCommand.Register first = core.planRegister("a-value", TEXT).command();
        RegistryCommand.Register rival = core.planRegister("a-value", LANGUAGE_ONLY).command();
        core.apply(first);

        assertThat(core.apply(rival).applied()).isFalse();
    }

    @Test
    void aRegistrationClaimingAnIdTakenByAnotherSchemaIsNotApplied() {
        RegistryCore core = new RegistryCore();
        RegistryCommand.Register first = core.planRegister("a-value", TEXT).command();
        RegistryCommand.Register rival = core.planRegister("b-value", LANGUAGE_ONLY).command();
        core.apply(first);

        assertThat(core.apply(rival).applied()).isFalse();
    }

    @Test
    void aRegistrationGivingASchemaASecondIdIsNotApplied() {
        RegistryCore core = new RegistryCore();
        core.apply(core.planRegister("x-value", LANGUAGE_ONLY).command());
        RegistryCommand.Register asTwo = core.planRegister("a-value", TEXT).command();
        RegistryCommand.Register asThree = new RegistryCommand.Register("p", "b-value", 1, 3, asTwo.schema());
        core.apply(asTwo);

        assertThat(core.apply(asThree).applied()).isFalse();
    }

    @Test
    void twoRegistrationsOfOneSchemaInDifferentSubjectsBothApplyWithOneId() {
        RegistryCore core = new RegistryCore();
        RegistryCommand.Register inA = core.planRegister("a-value", TEXT).command();
        RegistryCommand.Register inB = core.planRegister("b-value", TEXT).command();

        assertThat(List.of(core.apply(inA).applied(), core.apply(inB).applied(), core.subjectsOfId(1, false)))
                .containsExactly(true, true, List.of("a-value", "b-value"));
    }

    private static void assertError(ThrowingCallable call, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private static Schema record(String fields) {
        return SchemaText.parse("{\"type\":\"record\",\"name\":\"Greeting\",\"namespace\":\"no.ipshub.test\",\"fields\":["
                + fields + "]}");
    }
}
