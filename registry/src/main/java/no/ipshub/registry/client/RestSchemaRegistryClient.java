package no.ipshub.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client for the Confluent Schema Registry REST API (Confluent's own registry, the hub's embedded one,
 * or any compatible server). Keeps what never changes (schema by id, id of a schema under a subject) in
 * memory, so a serializer asks the registry once per schema. Several base URLs may be given; a call that
 * fails for a transient reason (connection refused, timeout, 5xx) moves to the next URL, and after a round
 * over all of them waits with exponential back-off before the next round. User info in a URL
 * ({@code https://user:secret@host}) becomes HTTP basic authentication.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final int TOO_MANY_REQUESTS = 429;

    /** Timeouts and retry policy. */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int retryRounds,
                           Duration initialBackoff, Duration maxBackoff) {

        /** 5 s to connect, 30 s per request, 3 retry rounds starting at 200 ms and doubling up to 5 s. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(200),
                    Duration.ofSeconds(5));
        }
    }

    private record Endpoint(String base, String display, String authorization) {
    }

    private final List<Endpoint> endpoints;
    private final Settings settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.shared();
    private final AtomicInteger preferred = new AtomicInteger();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(List<String> baseUrls) {
        this(baseUrls, Settings.defaults());
    }

    public RestSchemaRegistryClient(List<String> baseUrls, Settings settings) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is required");
        }
        this.endpoints = baseUrls.stream().map(RestSchemaRegistryClient::endpoint).toList();
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    // ---------------------------------------------------------------- API calls

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        return lookup(subject, schema, false).id();
    }

    @Override
    public SubjectVersion lookup(String subject, Schema schema, boolean includeDeleted) {
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "?deleted=" + includeDeleted, schemaBody(schema));
        SubjectVersion found = subjectVersion(answer);
        if (!includeDeleted) {
            remember(subject, schema, found.id());
        }
        return found;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        return schemasById.computeIfAbsent(id, i -> parse(i, answer));
    }

    @Override
    public SubjectVersion getLatest(String subject) {
        return subjectVersion(call("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public SubjectVersion getVersion(String subject, int version) {
        return subjectVersion(call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
    }

    @Override
    public List<Integer> getVersions(String subject) {
        List<Integer> versions = new ArrayList<>();
        call("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    @Override
    public List<String> getSubjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(s -> subjects.add(s.asString()));
        return subjects;
    }

    /**
     * One call, {@code GET /schemas?subjectPrefix=...&latestOnly=true}; a registry without that listing (older
     * Confluent versions) is asked subject by subject.
     */
    @Override
    public Map<String, SubjectVersion> latestVersions(String subjectPrefix) {
        JsonNode answer;
        try {
            answer = call("GET", "/schemas?latestOnly=true&subjectPrefix=" + encode(subjectPrefix), null);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 404 || e.errorCode() == 405) {
                return SchemaRegistryClient.super.latestVersions(subjectPrefix);
            }
            throw e;
        }
        Map<String, SubjectVersion> latest = new LinkedHashMap<>();
        for (JsonNode version : answer) {
            if (!"AVRO".equals(version.path("schemaType").asString("AVRO"))) {
                continue; // not a schema of the hub's; registering there answers as it did before
            }
            SubjectVersion found = subjectVersion(version);
            if (found.subject().startsWith(subjectPrefix)
                    && (!latest.containsKey(found.subject()) || latest.get(found.subject()).version() < found.version())) {
                latest.put(found.subject(), found);
            }
        }
        return latest;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return answer.path("is_compatible").asBoolean(false);
    }

    @Override
    public String getCompatibility(String subject) {
        if (subject != null) {
            try {
                return call("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null)
                        .path("compatibilityLevel").asString();
            } catch (SchemaRegistryException e) {
                // registries older than defaultToGlobal answer "no subject level" instead of the global one
                if (e.errorCode() != RegistryErrors.SUBJECT_NOT_FOUND
                        && e.errorCode() != RegistryErrors.SUBJECT_LEVEL_NOT_CONFIGURED) {
                    throw e;
                }
            }
        }
        return call("GET", "/config", null).path("compatibilityLevel").asString();
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level);
        call("PUT", subject == null ? "/config" : "/config/" + encode(subject), body);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        idsBySubject.remove(subject);
        List<Integer> versions = new ArrayList<>();
        call("DELETE", "/subjects/" + encode(subject) + "?permanent=" + permanent, null)
                .forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    @Override
    public int deleteVersion(String subject, int version, boolean permanent) {
        idsBySubject.remove(subject);
        return call("DELETE", "/subjects/" + encode(subject) + "/versions/" + version + "?permanent=" + permanent, null)
                .asInt();
    }

    // ---------------------------------------------------------------- caching and mapping

    private Integer cachedId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private ObjectNode schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString());
    }

    private SubjectVersion subjectVersion(JsonNode answer) {
        int id = answer.path("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, i -> parse(i, answer));
        return new SubjectVersion(answer.path("subject").asString(), answer.path("version").asInt(), id, schema);
    }

    private static Schema parse(int id, JsonNode answer) {
        String type = answer.path("schemaType").asString("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(RegistryErrors.INVALID_SCHEMA, "Schema " + id + " is " + type + ", not Avro");
        }
        try {
            return new Schema.Parser().parse(answer.path("schema").asString());
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(RegistryErrors.INVALID_SCHEMA,
                    "Schema " + id + " from the registry does not parse: " + e.getMessage(), e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- HTTP with fail-over and back-off

    private JsonNode call(String method, String path, JsonNode body) {
        byte[] payload = body == null ? null : json.writeValueAsBytes(body);
        SchemaRegistryException last = null;
        long backoffMillis = settings.initialBackoff().toMillis();
        for (int round = 0; round <= settings.retryRounds(); round++) {
            if (round > 0) {
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, settings.maxBackoff().toMillis());
            }
            int start = preferred.get();
            for (int i = 0; i < endpoints.size(); i++) {
                int index = (start + i) % endpoints.size();
                try {
                    JsonNode answer = send(endpoints.get(index), method, path, payload);
                    preferred.set(index);
                    return answer;
                } catch (SchemaRegistryException e) {
                    if (!e.isTransient() && e.errorCode() != TOO_MANY_REQUESTS) {
                        throw e;
                    }
                    log.debug("Schema registry call {} {} on {} failed: {}", method, path,
                            endpoints.get(index).display(), e.getMessage());
                    last = e;
                }
            }
        }
        log.warn("Schema registry call {} {} failed after {} retry rounds: {}", method, path, settings.retryRounds(),
                last.getMessage());
        throw last;
    }

    private JsonNode send(Endpoint endpoint, String method, String path, byte[] payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.base() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        if (endpoint.authorization() != null) {
            request.header("Authorization", endpoint.authorization());
        }
        if (payload != null) {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                    "Schema registry " + endpoint.display() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                    "Interrupted while calling schema registry " + endpoint.display(), e);
        }
        int status = response.statusCode();
        JsonNode answer = readJson(response.body());
        if (status >= 200 && status < 300) {
            return answer;
        }
        int code = answer != null && answer.path("error_code").canConvertToInt()
                ? answer.path("error_code").asInt() : status;
        if (status == 409 && code == 40901) {
            // newer Confluent registries number "incompatible schema" 40901; older ones and this hub use 409
            code = RegistryErrors.INCOMPATIBLE_SCHEMA;
        }
        String message = answer != null && answer.hasNonNull("message")
                ? answer.get("message").asString() : "HTTP " + status + " from " + endpoint.display();
        throw new SchemaRegistryException(code, message);
    }

    private JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis / 4 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Interrupted during back-off", e);
        }
    }

    private static Endpoint endpoint(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not a schema registry URL: " + uri.getScheme() + "://" + uri.getHost());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
        String authorization = null;
        if (uri.getRawUserInfo() != null) {
            String userInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            authorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        }
        return new Endpoint(base, base, authorization);
    }
}
