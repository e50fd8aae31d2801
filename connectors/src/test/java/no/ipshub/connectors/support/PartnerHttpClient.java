package no.ipshub.connectors.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner system talking to the hub over HTTP with its API key, as curl would. */
public final class PartnerHttpClient {

    /** The test partners' API keys: {@code it-key-<partner id>}. */
    public static String keyOf(String partnerId) {
        return "it-key-" + partnerId;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public PartnerHttpClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** An answer: status, content type, {@code Retry-After} (null when absent) and body. */
    public record Answer(int status, String contentType, String retryAfter, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer postMessage(String apiKey, String json) {
        return postMessage(apiKey, json, "");
    }

    /** Posts a message with a query string, e.g. {@code ?dryRun=true}. */
    public Answer postMessage(String apiKey, String json, String query) {
        return send(request("/api/v1/messages" + query, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts a body without announcing its length (chunked), as a streaming client does. */
    public Answer postMessageChunked(String apiKey, byte[] body) {
        return send(request("/api/v1/messages", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    /** Posts bytes as they are to a path, with a content type (none when null). */
    public Answer post(String apiKey, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path, apiKey).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public Answer get(String apiKey, String pathAndQuery) {
        return send(request(pathAndQuery, apiKey).GET().build());
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
