package no.ipshub.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client's retry and request rules, against a small HTTP server that answers each request with
 * the next of a queued list of responses and records what it received.
 */
class RestSchemaRegistryClientTest {

    private record Canned(int status, String body) {
    }

    private final Deque<Canned> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> lastContentType = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            lastContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            Canned answer = answers.isEmpty() ? new Canned(500, "{}") : answers.poll();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aServerErrorIsRetriedAfterABackOff() {
        answers.add(new Canned(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}"));
        answers.add(new Canned(200, "{\"id\":42}"));

        assertThat(client("").register("s-value", Schema.create(Schema.Type.STRING)))
                .isEqualTo(42);
    }

    @Test
    void aNotFoundAnswerIsNotRetried() {
        answers.add(new Canned(404, "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}"));

        assertThatThrownBy(() -> client("").getLatest("s-value")).isInstanceOf(SchemaRegistryException.class);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void theConfluentErrorCodeIsKept() {
        answers.add(new Canned(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));

        assertThatThrownBy(() -> client("").register("s-value", Schema.create(Schema.Type.INT)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }

    @Test
    void newerIncompatibleCodesAreReportedAs409() {
        answers.add(new Canned(409, "{\"error_code\":40901,\"message\":\"incompatible\"}"));

        assertThatThrownBy(() -> client("").register("s-value", Schema.create(Schema.Type.INT)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    }

    @Test
    void requestsCarryTheRegistryContentType() {
        answers.add(new Canned(200, "{\"id\":1}"));

        client("").register("s-value", Schema.create(Schema.Type.STRING));

        assertThat(lastContentType.get()).isEqualTo(RestSchemaRegistryClient.CONTENT_TYPE);
    }

    @Test
    void userInfoInTheUrlBecomesBasicAuthentication() {
        answers.add(new Canned(200, "[]"));

        client("registry:s3cret@").getSubjects();

        assertThat(lastAuthorization.get()).isEqualTo("Basic cmVnaXN0cnk6czNjcmV0");
    }

    @Test
    void aSchemaFetchedByIdIsCachedAfterTheFirstCall() {
        answers.add(new Canned(200, "{\"schema\":\"\\\"string\\\"\"}"));
        RestSchemaRegistryClient client = client("");

        client.getById(3);
        client.getById(3);

        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void theNewestVersionsOfTheHubsSubjectsTakeOneRequest() {
        answers.add(new Canned(200, "[{\"subject\":\"ips.a-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\"},"
                + "{\"subject\":\"ips.b-value\",\"version\":1,\"id\":8,\"schema\":\"\\\"int\\\"\"}]"));

        var latest = client("").latestVersions("ips.");

        assertThat(requests.get()).isEqualTo(1);
        assertThat(latest.get("ips.a-value").version()).isEqualTo(2);
        assertThat(latest.get("ips.a-value").schema()).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(latest.get("ips.b-value").id()).isEqualTo(8);
    }

    @Test
    void aRegistryWithoutTheListingIsAskedSubjectBySubject() {
        answers.add(new Canned(404, "{}"));
        answers.add(new Canned(200, "[\"ips.a-value\",\"other-value\"]"));
        answers.add(new Canned(200, "{\"subject\":\"ips.a-value\",\"version\":1,\"id\":3,\"schema\":\"\\\"string\\\"\"}"));

        var latest = client("").latestVersions("ips.");

        assertThat(latest.keySet()).containsExactly("ips.a-value");
        assertThat(requests.get()).isEqualTo(3);
    }

    private RestSchemaRegistryClient client(String userInfo) {
        return new RestSchemaRegistryClient(
                List.of("http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort() + "/registry"),
                new RestSchemaRegistryClient.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
                        Duration.ofMillis(10), Duration.ofMillis(50)));
    }
}
