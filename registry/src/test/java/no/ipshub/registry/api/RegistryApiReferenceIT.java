package no.ipshub.registry.api;

import static no.ipshub.registry.support.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import no.ipshub.registry.support.RegistryHttp.Answer;
import no.ipshub.registry.support.RegistryHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request/response examples of Confluent's Schema Registry API reference, replayed over HTTP against
 * the embedded registry of a running application (real port, real broker). Each test works on subjects
 * of its own, so the registry's shared state does not couple the tests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.schema-registry.topic=_schemas-app-it")
class RegistryApiReferenceIT {

    private static final String STRING_SCHEMA = "{\"type\": \"string\"}";
    private static final String RECORD_V1 = """
            {"type":"record","name":"Payment","namespace":"no.ipshub.test",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"}]}""";
    private static final String RECORD_V2 = """
            {"type":"record","name":"Payment","namespace":"no.ipshub.test",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"},
                       {"name":"currency","type":"string","default":"NOK"}]}""";
    private static final String RECORD_REQUIRED_FIELD = """
            {"type":"record","name":"Payment","namespace":"no.ipshub.test",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"},
                       {"name":"payer","type":"string"}]}""";

    @LocalServerPort
    private int port;

    private RegistryHttp http;
    private String subject;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp("http://localhost:" + port + "/registry");
        subject = "test-" + UUID.randomUUID();
    }

    // ---------------------------------------------------------------- the reference's examples

    @Test
    void registeringASchemaAnswersWithItsIdOnly() {
        Answer answer = http.post("/subjects/" + subject + "/versions", schemaBody(STRING_SCHEMA));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(RegistryHttp.V1_JSON);
        assertThat(answer.json().propertyNames()).containsExactly("id");
    }

    @Test
    void aSchemaIsFetchedByItsId() {
        int id = register(subject, STRING_SCHEMA);

        Answer answer = http.get("/schemas/ids/" + id);

        assertThat(answer.json().get("schema").asString()).isEqualTo("\"string\"");
    }

    @Test
    void theRawSchemaIsFetchedByItsId() {
        int id = register(subject, RECORD_V1);

        Answer answer = http.get("/schemas/ids/" + id + "/schema");

        assertThat(JsonMapper.shared().readTree(answer.body())).isEqualTo(JsonMapper.shared().readTree(RECORD_V1));
    }

    @Test
    void theSubjectVersionsOfAnIdAreListed() {
        int id = register(subject, RECORD_V1);

        Answer answer = http.get("/schemas/ids/" + id + "/versions");

        assertThat(answer.json().toString()).contains("{\"subject\":\"" + subject + "\",\"version\":1}");
    }

    @Test
    void theSupportedSchemaTypesAreListed() {
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void registeredSubjectsAreListed() {
        register(subject, STRING_SCHEMA);

        assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
    }

    @Test
    void theVersionsOfASubjectAreListed() {
        register(subject, RECORD_V1);
        register(subject, RECORD_V2);

        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void oneVersionAnswersWithSubjectVersionIdAndSchema() {
        int id = register(subject, RECORD_V1);

        Answer answer = http.get("/subjects/" + subject + "/versions/1");

        assertThat(answer.json().propertyNames()).containsExactly("subject", "version", "id", "schema");
        assertThat(answer.json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void latestAndMinusOneBothNameTheNewestVersion() {
        register(subject, RECORD_V1);
        register(subject, RECORD_V2);

        assertThat(List.of(http.get("/subjects/" + subject + "/versions/latest").json().get("version").asInt(),
                http.get("/subjects/" + subject + "/versions/-1").json().get("version").asInt())).containsExactly(2, 2);
    }

    @Test
    void theRawSchemaOfAVersionIsFetched() {
        register(subject, STRING_SCHEMA);

        assertThat(http.get("/subjects/" + subject + "/versions/latest/schema").body()).isEqualTo("\"string\"");
    }

    @Test
    void aSchemaIsLookedUpUnderASubject() {
        register(subject, RECORD_V1);
        int id = register(subject, RECORD_V2);

        Answer answer = http.post("/subjects/" + subject, schemaBody(RECORD_V2));

        assertThat(List.of(answer.json().get("subject").asString(), answer.json().get("version").asInt(),
                answer.json().get("id").asInt())).containsExactly(subject, 2, id);
    }

    @Test
    void theSameSchemaHasTheSameIdInEverySubject() {
        int id = register(subject, RECORD_V1);

        assertThat(register(subject + "-other", RECORD_V1)).isEqualTo(id);
    }

    @Test
    void aCompatibleSchemaTestsCompatibleAgainstTheLatestVersion() {
        register(subject, RECORD_V1);

        Answer answer = http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(RECORD_V2));

        assertThat(answer.json().toString()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void anIncompatibleSchemaTestsIncompatibleWithReasonsWhenVerbose() {
        register(subject, RECORD_V1);

        Answer answer = http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                schemaBody(RECORD_REQUIRED_FIELD));

        assertThat(answer.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(answer.json().get("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void theGlobalLevelIsReadAsCompatibilityLevelAndSetAsCompatibility() {
        try {
            Answer set = http.put("/config", "{\"compatibility\": \"FULL\"}");
            Answer read = http.get("/config");

            assertThat(List.of(set.json().toString(), read.json().toString()))
                    .containsExactly("{\"compatibility\":\"FULL\"}", "{\"compatibilityLevel\":\"FULL\"}");
        } finally {
            http.delete("/config");
        }
    }

    @Test
    void theGlobalLevelIsBackwardByDefault() {
        assertThat(http.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void aSubjectLevelIsSetAndRead() {
        Answer set = http.put("/config/" + subject, "{\"compatibility\": \"FORWARD_TRANSITIVE\"}");
        Answer read = http.get("/config/" + subject);

        assertThat(List.of(set.json().toString(), read.json().toString()))
                .containsExactly("{\"compatibility\":\"FORWARD_TRANSITIVE\"}",
                        "{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
    }

    @Test
    void aSubjectWithoutItsOwnLevelFallsBackToTheGlobalOneWhenAsked() {
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json().get("compatibilityLevel").asString())
                .isEqualTo("BACKWARD");
    }

    @Test
    void deletingASubjectLevelAnswersWithTheLevelRemoved() {
        http.put("/config/" + subject, "{\"compatibility\": \"NONE\"}");

        assertThat(http.delete("/config/" + subject).json().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    }

    @Test
    void deletingAVersionAnswersWithItsNumber() {
        register(subject, RECORD_V1);
        register(subject, RECORD_V2);

        assertThat(http.delete("/subjects/" + subject + "/versions/2").body()).isEqualTo("2");
    }

    @Test
    void deletingASubjectAnswersWithTheVersionsDeleted() {
        register(subject, RECORD_V1);
        register(subject, RECORD_V2);

        assertThat(http.delete("/subjects/" + subject).json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void aSoftDeletedSubjectIsListedOnlyWithDeleted() {
        register(subject, RECORD_V1);
        http.delete("/subjects/" + subject);

        assertThat(List.of(http.get("/subjects").body().contains(subject),
                http.get("/subjects?deleted=true").body().contains(subject))).containsExactly(false, true);
    }

    @Test
    void aSubjectIsDeletedPermanentlyAfterASoftDelete() {
        register(subject, RECORD_V1);
        http.delete("/subjects/" + subject);

        Answer permanent = http.delete("/subjects/" + subject + "?permanent=true");

        assertThat(List.of(permanent.body(), http.get("/subjects/" + subject + "/versions?deleted=true").status()))
                .containsExactly("[1]", 404);
    }

    // ---------------------------------------------------------------- the reference's errors

    @Test
    void anInvalidSchemaIsRejectedWith42201() {
        Answer answer = http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\": \"recrod\"}"));

        assertError(answer, 422, 42201);
    }

    @Test
    void anUnknownSubjectIs40401() {
        assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
    }

    @Test
    void anUnknownVersionIs40402() {
        register(subject, RECORD_V1);

        assertError(http.get("/subjects/" + subject + "/versions/9"), 404, 40402);
    }

    @Test
    void anUnknownIdIs40403() {
        assertError(http.get("/schemas/ids/987654"), 404, 40403);
    }

    @Test
    void aVersionThatIsNotANumberIs42202() {
        register(subject, RECORD_V1);

        assertError(http.get("/subjects/" + subject + "/versions/first"), 422, 42202);
    }

    @Test
    void anIncompatibleSchemaIsRejectedWith409() {
        register(subject, RECORD_V1);

        assertError(http.post("/subjects/" + subject + "/versions", schemaBody(RECORD_REQUIRED_FIELD)), 409, 409);
    }

    @Test
    void aSubjectWithoutItsOwnLevelIs40408() {
        assertError(http.get("/config/" + subject), 404, 40408);
    }

    @Test
    void anUnknownLevelIs42203() {
        assertError(http.put("/config/" + subject, "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
    }

    @Test
    void aLookupOfASchemaNotUnderTheSubjectIs40403() {
        register(subject, RECORD_V1);

        assertError(http.post("/subjects/" + subject, schemaBody(STRING_SCHEMA)), 404, 40403);
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        assertError(http.post("/subjects/" + subject + "/versions", "schema please"), 400, 400);
    }

    // ---------------------------------------------------------------- content types

    @Test
    void plainJsonRequestsGetPlainJsonAnswers() {
        Answer answer = http.call("POST", "/subjects/" + subject + "/versions", schemaBody(STRING_SCHEMA),
                "application/json", "application/json");

        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void octetStreamBodiesAreAccepted() {
        Answer answer = http.call("POST", "/subjects/" + subject + "/versions", schemaBody(STRING_SCHEMA),
                "application/octet-stream", "*/*");

        assertThat(List.of(answer.status(), answer.contentType())).containsExactly(200, RegistryHttp.V1_JSON);
    }

    private int register(String subject, String schema) {
        Answer answer = http.post("/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("id").asInt();
    }

    private static void assertError(Answer answer, int status, int code) {
        assertThat(List.of(answer.status(), answer.json().get("error_code").asInt(), answer.json().has("message")))
                .as(answer.body())
                .containsExactly(status, code, true);
    }
}
