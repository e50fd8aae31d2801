package no.ipshub.registry.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls on a registry's REST API, as curl would make them. */
public final class RegistryHttp {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The answer to a call: status, content type, body as text and as JSON (null when not JSON). */
    public record Answer(int status, String contentType, String body, JsonNode json) {
    }

    public Answer get(String path) {
        return call("GET", path, null, V1_JSON, V1_JSON);
    }

    public Answer post(String path, String body) {
        return call("POST", path, body, V1_JSON, V1_JSON);
    }

    public Answer put(String path, String body) {
        return call("PUT", path, body, V1_JSON, V1_JSON);
    }

    public Answer delete(String path) {
        return call("DELETE", path, null, V1_JSON, V1_JSON);
    }

    public Answer call(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? null : JsonMapper.shared().readTree(response.body());
            } catch (RuntimeException e) {
                json = null;
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** A registration body for {@code schema}: {@code {"schema": "<schema as a JSON string>"}}. */
    public static String schemaBody(String schema) {
        return JsonMapper.shared().createObjectNode().put("schema", schema).toString();
    }
}
