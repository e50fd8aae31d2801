package no.ipshub.registry.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.config.RegistryModeConditions;
import no.ipshub.registry.core.CompatibilityLevel;
import no.ipshub.registry.core.CoreBackedSchemaRegistry;
import no.ipshub.registry.core.RegistryCore.VersionFilter;
import no.ipshub.registry.core.RegistryCore;
import no.ipshub.registry.core.SchemaText;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Confluent Schema Registry REST API under {@code /registry}, answered by the embedded registry.
 * Responses are {@code application/vnd.schemaregistry.v1+json} (or plain JSON when asked for); request
 * bodies may come as that type, {@code application/vnd.schemaregistry+json}, {@code application/json} or
 * {@code application/octet-stream}. Errors are {@code {"error_code": ..., "message": ...}} with
 * Confluent's codes.
 *
 * <p>Reads are {@code GET}s plus two {@code POST}s that change nothing: lookup ({@code POST /subjects/{s}})
 * and compatibility tests ({@code POST /compatibility/...}). Writes are {@code POST /subjects/{s}/versions},
 * {@code PUT /config[/{s}]} and every {@code DELETE}, so a security rule can reserve them for operators.
 */
@RestController
@Conditional(RegistryModeConditions.Embedded.class)
@RequestMapping(path = "/registry", produces = {SchemaRegistryController.V1_JSON, SchemaRegistryController.DEFAULT_JSON,
        MediaType.APPLICATION_JSON_VALUE})
public class SchemaRegistryController {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryController.class);
    private static final MediaType V1 = MediaType.parseMediaType(V1_JSON);

    private final CoreBackedSchemaRegistry registry;
    private final JsonMapper json = JsonMapper.shared();

    public SchemaRegistryController(CoreBackedSchemaRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    Map<String, Object> root() {
        return Map.of();
    }

    // ---------------------------------------------------------------- schemas by id

    @GetMapping("/schemas/types")
    List<String> schemaTypes() {
        return List.of("AVRO");
    }

    /** The live versions of the subjects with the prefix, or their newest only (the listing read at start-up). */
    @GetMapping("/schemas")
    List<Map<String, Object>> schemas(@RequestParam(defaultValue = "") String subjectPrefix,
                                      @RequestParam(defaultValue = "false") boolean latestOnly) {
        if (latestOnly) {
            return registry.latestVersions(subjectPrefix).values().stream()
                    .map(SchemaRegistryController::subjectVersion).toList();
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (String subject : registry.subjects(VersionFilter.LIVE)) {
            if (subject.startsWith(subjectPrefix)) {
                registry.versions(subject, VersionFilter.LIVE)
                        .forEach(v -> all.add(subjectVersion(registry.getVersion(subject, v))));
            }
        }
        return all;
    }

    @GetMapping("/schemas/ids/{id}")
    Map<String, Object> schemaById(@PathVariable String id) {
        return Map.of("schema", registry.getById(parseId(id)).toString());
    }

    @GetMapping("/schemas/ids/{id}/schema")
    ResponseEntity<byte[]> rawSchemaById(@PathVariable String id) {
        return raw(registry.getById(parseId(id)));
    }

    @GetMapping("/schemas/ids/{id}/versions")
    List<Map<String, Object>> versionsOfId(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsOfId(parseId(id), deleted).stream()
                .map(ref -> ordered("subject", ref.subject(), "version", ref.version()))
                .toList();
    }

    @GetMapping("/schemas/ids/{id}/subjects")
    List<String> subjectsOfId(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.subjectsOfId(parseId(id), deleted);
    }

    // ---------------------------------------------------------------- subjects

    @GetMapping("/subjects")
    List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted,
                          @RequestParam(defaultValue = "false") boolean deletedOnly,
                          @RequestParam(defaultValue = "") String subjectPrefix) {
        return registry.subjects(filter(deleted, deletedOnly)).stream().filter(s -> s.startsWith(subjectPrefix)).toList();
    }

    @GetMapping("/subjects/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted,
                           @RequestParam(defaultValue = "false") boolean deletedOnly) {
        return registry.versions(subject, filter(deleted, deletedOnly));
    }

    @GetMapping("/subjects/{subject}/versions/{version}")
    Map<String, Object> version(@PathVariable String subject, @PathVariable String version,
                                @RequestParam(defaultValue = "false") boolean deleted) {
        return subjectVersion(registry.getVersion(subject, parseVersion(version), deleted));
    }

    @GetMapping("/subjects/{subject}/versions/{version}/schema")
    ResponseEntity<byte[]> rawVersion(@PathVariable String subject, @PathVariable String version,
                                      @RequestParam(defaultValue = "false") boolean deleted) {
        return raw(registry.getVersion(subject, parseVersion(version), deleted).schema());
    }

    /** Schema references are not supported, so no version is ever referenced; the version must exist. */
    @GetMapping("/subjects/{subject}/versions/{version}/referencedby")
    List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
        registry.getVersion(subject, parseVersion(version), true);
        return List.of();
    }

    @PostMapping(path = "/subjects/{subject}/versions", consumes = {V1_JSON, DEFAULT_JSON,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> register(@PathVariable String subject, @RequestBody byte[] body,
                                 @RequestParam(defaultValue = "false") boolean normalize) {
        Schema schema = schemaIn(body, true);
        return Map.of("id", registry.registerVersion(subject, schema).id());
    }

    @PostMapping(path = "/subjects/{subject}", consumes = {V1_JSON, DEFAULT_JSON,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> lookup(@PathVariable String subject, @RequestBody byte[] body,
                               @RequestParam(defaultValue = "false") boolean normalize,
                               @RequestParam(defaultValue = "false") boolean deleted) {
        return subjectVersion(registry.lookup(subject, schemaIn(body, false), deleted));
    }

    @DeleteMapping("/subjects/{subject}")
    List<Integer> deleteSubject(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteSubject(subject, permanent);
    }

    @DeleteMapping("/subjects/{subject}/versions/{version}")
    Integer deleteVersion(@PathVariable String subject, @PathVariable String version,
                          @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteVersion(subject, parseVersion(version), permanent);
    }

    // ---------------------------------------------------------------- compatibility

    @PostMapping(path = "/compatibility/subjects/{subject}/versions/{version}", consumes = {V1_JSON, DEFAULT_JSON,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> testAgainstVersion(@PathVariable String subject, @PathVariable String version,
                                           @RequestBody byte[] body,
                                           @RequestParam(defaultValue = "false") boolean verbose,
                                           @RequestParam(defaultValue = "false") boolean normalize) {
        return compatibility(subject, parseVersion(version), body, verbose);
    }

    @PostMapping(path = "/compatibility/subjects/{subject}/versions", consumes = {V1_JSON, DEFAULT_JSON,
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> testAgainstSubject(@PathVariable String subject, @RequestBody byte[] body,
                                           @RequestParam(defaultValue = "false") boolean verbose,
                                           @RequestParam(defaultValue = "false") boolean normalize) {
        return compatibility(subject, 0, body, verbose);
    }

    private Map<String, Object> compatibility(String subject, int version, byte[] body, boolean verbose) {
        List<String> problems;
        try {
            problems = registry.compatibilityProblems(subject, schemaIn(body, false), version);
        } catch (SchemaRegistryException e) {
            if (!verbose || e.errorCode() != RegistryErrors.INVALID_SCHEMA) {
                throw e;
            }
            problems = List.of(e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("is_compatible", problems.isEmpty());
        if (verbose) {
            answer.put("messages", problems);
        }
        return answer;
    }

    // ---------------------------------------------------------------- config

    @GetMapping("/config")
    Map<String, Object> globalConfig(@RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        return Map.of("compatibilityLevel", registry.globalLevel().name());
    }

    @PutMapping(path = "/config", consumes = {V1_JSON, DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> setGlobalConfig(@RequestBody byte[] body) {
        CompatibilityLevel level = levelIn(body);
        registry.setLevel(null, level);
        return Map.of("compatibility", level.name());
    }

    @DeleteMapping("/config")
    Map<String, Object> deleteGlobalConfig() {
        return Map.of("compatibilityLevel", registry.clearLevel(null).name());
    }

    @GetMapping("/config/{subject}")
    Map<String, Object> subjectConfig(@PathVariable String subject,
                                      @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        CompatibilityLevel level = registry.subjectLevel(subject)
                .or(() -> defaultToGlobal ? java.util.Optional.of(registry.globalLevel()) : java.util.Optional.empty())
                .orElseThrow(() -> RegistryErrors.subjectLevelNotConfigured(subject));
        return Map.of("compatibilityLevel", level.name());
    }

    @PutMapping(path = "/config/{subject}", consumes = {V1_JSON, DEFAULT_JSON, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> setSubjectConfig(@PathVariable String subject, @RequestBody byte[] body) {
        CompatibilityLevel level = levelIn(body);
        registry.setLevel(subject, level);
        return Map.of("compatibility", level.name());
    }

    @DeleteMapping("/config/{subject}")
    Map<String, Object> deleteSubjectConfig(@PathVariable String subject) {
        return Map.of("compatibilityLevel", registry.clearLevel(subject).name());
    }

    /** The registry accepts writes always: there is no import or read-only mode. */
    @GetMapping("/mode")
    Map<String, Object> mode() {
        return Map.of("mode", "READWRITE");
    }

    // ---------------------------------------------------------------- errors

    @ExceptionHandler(SchemaRegistryException.class)
    ResponseEntity<Map<String, Object>> registryError(SchemaRegistryException e) {
        int status = RegistryErrors.httpStatus(e.errorCode());
        if (status >= 500) {
            log.warn("Registry request failed: {}", e.getMessage(), e);
        }
        return error(status, e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(MalformedRequestException.class)
    ResponseEntity<Map<String, Object>> malformedRequest(MalformedRequestException e) {
        return error(400, 400, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(int status, int code, String message) {
        return ResponseEntity.status(status).contentType(V1).body(ordered("error_code", code, "message", message));
    }

    /** A request body that is not the JSON object the endpoint takes. */
    static final class MalformedRequestException extends RuntimeException {
        MalformedRequestException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- request and response shapes

    private JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedRequestException("The request has no body");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedRequestException("The request body is not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new MalformedRequestException("The request body must be a JSON object");
        }
        return node;
    }

    /** The Avro schema in a {@code {"schema": "...", "schemaType": "AVRO", "references": []}} body. */
    private Schema schemaIn(byte[] body, boolean registering) {
        JsonNode request = object(body);
        JsonNode type = request.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asString(""))) {
            throw RegistryErrors.invalidSchema("schema type " + type + " is not supported; this registry holds Avro only");
        }
        JsonNode references = request.get("references");
        if (references != null && !references.isNull() && !references.isEmpty()) {
            throw RegistryErrors.invalidSchema("schema references are not supported");
        }
        JsonNode id = request.get("id");
        if (registering && id != null && !id.isNull() && id.asInt(-1) >= 0) {
            throw RegistryErrors.operationNotPermitted("Registering with a given id needs IMPORT mode, which this registry does not have");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isString()) {
            throw RegistryErrors.invalidSchema("the request has no \"schema\" string");
        }
        return SchemaText.parse(schema.asString());
    }

    private CompatibilityLevel levelIn(byte[] body) {
        JsonNode level = object(body).get("compatibility");
        return CompatibilityLevel.parse(level == null || level.isNull() ? null : level.asString());
    }

    private static Map<String, Object> subjectVersion(SubjectVersion version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", version.subject());
        answer.put("version", version.version());
        answer.put("id", version.id());
        answer.put("schema", version.schema().toString());
        return answer;
    }

    private static ResponseEntity<byte[]> raw(Schema schema) {
        return ResponseEntity.ok().contentType(V1).body(schema.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static VersionFilter filter(boolean deleted, boolean deletedOnly) {
        if (deletedOnly) {
            return VersionFilter.DELETED_ONLY;
        }
        return deleted ? VersionFilter.INCLUDE_DELETED : VersionFilter.LIVE;
    }

    /** A version path segment: 1 to 2^31-1, {@code -1} or {@code latest}; error 42202 otherwise. */
    static int parseVersion(String version) {
        String text = version.trim();
        if (text.toLowerCase(Locale.ROOT).equals("latest")) {
            return -1;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryErrors.invalidVersion(version);
        }
        if (number <= 0 && number != -1) {
            throw RegistryErrors.invalidVersion(version);
        }
        return number;
    }

    private static int parseId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            throw RegistryErrors.schemaNotFound();
        }
    }
}
