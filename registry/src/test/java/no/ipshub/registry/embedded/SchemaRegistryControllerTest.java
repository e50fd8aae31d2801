package no.ipshub.registry.embedded;

import static no.ipshub.registry.fixtures.TestMessages.GREETING_V1;
import static no.ipshub.registry.fixtures.TestMessages.GREETING_V2;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.ipshub.registry.core.InMemorySchemaRegistry;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The REST layer's request and error handling, on the in-memory registry without a server. */
class SchemaRegistryControllerTest {

    private static final String V1_JSON = SchemaRegistryController.V1_JSON;

    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new SchemaRegistryController(new InMemorySchemaRegistry()))
            .build();

    @Test
    void aNonAvroSchemaTypeIsAnInvalidSchema() throws Exception {
        String body = "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}";

        mvc.perform(json(post("/registry/subjects/s/versions"), body))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.error_code").value(42201));
    }

    @Test
    void schemaReferencesAreRefusedAsAnInvalidSchema() throws Exception {
        String body = "{\"schema\":\"\\\"string\\\"\",\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}";

        mvc.perform(json(post("/registry/subjects/s/versions"), body))
                .andExpect(jsonPath("$.error_code").value(42201));
    }

    @Test
    void registeringWithAGivenIdIsNotPermitted() throws Exception {
        mvc.perform(json(post("/registry/subjects/s/versions"), "{\"schema\":\"\\\"string\\\"\",\"id\":7}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.error_code").value(42205));
    }

    @Test
    void aBodyWithoutASchemaIsAnInvalidSchema() throws Exception {
        mvc.perform(json(post("/registry/subjects/s/versions"), "{\"schemaType\":\"AVRO\"}"))
                .andExpect(jsonPath("$.error_code").value(42201));
    }

    @Test
    void aVerboseCompatibilityTestReportsAnInvalidSchemaAsAMessage() throws Exception {
        register("s", GREETING_V1);

        mvc.perform(json(post("/registry/compatibility/subjects/s/versions/latest?verbose=true"), "{\"schema\":\"{]\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.is_compatible").value(false))
                .andExpect(jsonPath("$.messages[0]").value(Matchers.containsString("Invalid schema")));
    }

    @Test
    void aCompatibilityTestAgainstTheLatestVersionOfAnUnknownSubjectIsCompatible() throws Exception {
        mvc.perform(json(post("/registry/compatibility/subjects/nothing/versions/latest"), schemaBody(GREETING_V1)))
                .andExpect(content().json("{\"is_compatible\":true}"));
    }

    @Test
    void aCompatibilityTestAgainstAnUnknownVersionIs40402() throws Exception {
        register("s", GREETING_V1);

        mvc.perform(json(post("/registry/compatibility/subjects/s/versions/5"), schemaBody(GREETING_V2)))
                .andExpect(jsonPath("$.error_code").value(40402));
    }

    @Test
    void aSoftDeletedVersionIsFetchedWithDeletedTrue() throws Exception {
        register("s", GREETING_V1);
        mvc.perform(delete("/registry/subjects/s/versions/1")).andExpect(status().isOk());

        mvc.perform(get("/registry/subjects/s/versions/1?deleted=true"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aSoftDeletedVersionIsNotFoundWithoutDeleted() throws Exception {
        register("s", GREETING_V1);
        register("s", GREETING_V2);
        mvc.perform(delete("/registry/subjects/s/versions/1")).andExpect(status().isOk());

        mvc.perform(get("/registry/subjects/s/versions/1"))
                .andExpect(jsonPath("$.error_code").value(40402));
    }

    @Test
    void versionZeroIsAnInvalidVersion() throws Exception {
        register("s", GREETING_V1);

        mvc.perform(get("/registry/subjects/s/versions/0"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.error_code").value(42202));
    }

    @Test
    void theSubjectsOfAnIdAreListed() throws Exception {
        register("a", GREETING_V1);
        register("b", GREETING_V1);

        mvc.perform(get("/registry/schemas/ids/1/subjects")).andExpect(content().json("[\"a\",\"b\"]"));
    }

    @Test
    void deletingTheGlobalLevelRestoresTheDefault() throws Exception {
        mvc.perform(json(put("/registry/config"),
                "{\"compatibility\":\"NONE\"}")).andExpect(status().isOk());
        mvc.perform(delete("/registry/config")).andExpect(content().json("{\"compatibilityLevel\":\"NONE\"}"));

        mvc.perform(get("/registry/config")).andExpect(content().json("{\"compatibilityLevel\":\"BACKWARD\"}"));
    }

    @Test
    void deletingALevelTheSubjectDoesNotHaveIs40401() throws Exception {
        mvc.perform(delete("/registry/config/s")).andExpect(jsonPath("$.error_code").value(40401));
    }

    @Test
    void aVersionThatExistsIsReferencedByNothing() throws Exception {
        register("s", GREETING_V1);

        mvc.perform(get("/registry/subjects/s/versions/1/referencedby")).andExpect(content().json("[]"));
    }

    @Test
    void theModeIsReadWrite() throws Exception {
        mvc.perform(get("/registry/mode")).andExpect(content().json("{\"mode\":\"READWRITE\"}"));
    }

    @Test
    void errorsComeAsTheRegistryMediaType() throws Exception {
        mvc.perform(get("/registry/subjects/nothing/versions"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(V1_JSON));
    }

    @Test
    void anIdThatIsNotANumberIsASchemaNotFound() throws Exception {
        mvc.perform(get("/registry/schemas/ids/abc")).andExpect(jsonPath("$.error_code").value(40403));
    }

    @Test
    void anUnsupportedBodyTypeIsRefused() throws Exception {
        mvc.perform(post("/registry/subjects/s/versions").contentType("text/plain").content(schemaBody(GREETING_V1)))
                .andExpect(status().isUnsupportedMediaType());
    }

    private void register(String subject, String schema) throws Exception {
        mvc.perform(json(post("/registry/subjects/" + subject + "/versions"), schemaBody(schema)))
                .andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(V1_JSON).accept(V1_JSON).content(body);
    }

    private static String schemaBody(String schema) {
        return JsonMapper.shared().createObjectNode().put("schema", schema).toString();
    }
}
