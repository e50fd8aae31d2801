package no.ipshub.connectors.http;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * The edge's size limits against a real HTTP client: oversized header blocks get 431, oversized bodies 413, and
 * fields over their bounds 422 naming each, always as application/problem+json, at once, and with no stack trace
 * or HTML in the answer or the log.
 */
@PartnerEdgeTest
@ExtendWith(OutputCaptureExtension.class)
class EdgeLimitsHttpIT {

    private static final HubMessageJson JSON = new HubMessageJson();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String STACK_FRAME = "\tat ";

    @LocalServerPort
    int port;

    @Autowired
    HttpEdgeProperties edge;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private PartnerHttpClient partners;

    @BeforeEach
    void connect() {
        partners = new PartnerHttpClient(port);
    }

    private record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return MAPPER.readTree(body);
        }
    }

    private Answer send(String path, UnaryOperator<HttpRequest.Builder> request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = client.send(request.apply(builder).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer getInbox(UnaryOperator<HttpRequest.Builder> headers) {
        return send("/api/v1/inbox", b -> headers.apply(b.GET()));
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("<html", STACK_FRAME);
    }

    @Test
    void authorizationHeaderOfTwentyKilobytesIs431ProblemWithoutAStackTraceInTheLog(CapturedOutput log) {
        Answer answer = getInbox(b -> b.header("Authorization", "Bearer " + "k".repeat(20 * 1024)));

        assertProblem(answer, 431);
        assertThat(log.getAll()).doesNotContain(STACK_FRAME).doesNotContain("<html");
    }

    @Test
    void moreHeadersThanTheLimitIs431Problem(CapturedOutput log) {
        Answer answer = getInbox(b -> {
            b.header("Authorization", "Bearer " + keyOf(NAV_OFFICE));
            for (int i = 0; i < edge.maxHeaderCount() + 10; i++) {
                b.header("X-Padding-" + i, "x");
            }
            return b;
        });

        assertProblem(answer, 431);
        assertThat(log.getAll()).doesNotContain(STACK_FRAME);
    }

    /* Past Tomcat's own limit the request never reaches a filter; its error report is a problem too. */
    @Test
    void headerBlockOverTheServersOwnLimitIsStillAProblemWithoutHtml(CapturedOutput log) {
        Answer answer = getInbox(b -> b.header("Authorization", "Bearer " + "k".repeat(200 * 1024)));

        assertThat(answer.status()).isIn(400, 431);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html");
        assertThat(log.getAll()).doesNotContain(STACK_FRAME).doesNotContain("<html");
    }

    @Test
    void headersWithinTheLimitAreServed() {
        Answer answer = getInbox(b -> b.header("Authorization", "Bearer " + keyOf(NAV_OFFICE))
                .header("X-Trace", "t".repeat(4 * 1024)));

        assertThat(answer.status()).isEqualTo(200);
    }

    /* The registry's lookup is open to anyone and reads its body whole: the limit holds there too. */
    @Test
    void bodyOverTheLimitOnAnOpenEndpointIs413Problem(CapturedOutput log) {
        byte[] body = ("{\"schema\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Answer answer = send("/registry/subjects/anything", b -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertProblem(answer, 413);
        assertThat(log.getAll()).doesNotContain(STACK_FRAME);
    }

    @Test
    void bodyOverTheLimitWithoutALengthOnAnOpenEndpointIs413Problem() {
        byte[] body = ("{\"schema\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Answer answer = send("/registry/subjects/anything", b -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(answer, 413);
    }

    /* A follow-up waits for its case's owner; one with an over-long field is refused at the edge instead. */
    @Test
    void followUpWithAMessageIdOfSeventyThousandCharactersIs422NamingItWithinASecond() {
        String caseId = "bounds-" + UUID.randomUUID();
        assertThat(partners.postMessage(keyOf(TEAM), JSON.toJson(HubMessages.referral().caseId(caseId).build()))
                .status()).isEqualTo(202);
        HubMessage followUp = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId)
                .sender(NAV_OFFICE).recipient(TEAM).messageId("7".repeat(70_000)).build();

        long started = System.nanoTime();
        PartnerHttpClient.Answer answer = partners.postMessage(keyOf(NAV_OFFICE), JSON.toJson(followUp));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"messageId\"").doesNotContain("7777777777");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void messageWithEveryStringOverItsBoundIs422NamingEachField() {
        String caseId = "bounds-" + UUID.randomUUID();
        HubMessage followUp = HubMessages.followUp(FollowUpKind.NAV_MEASURE_CHANGED).caseId(caseId)
                .sender(NAV_OFFICE).recipient(TEAM).correlationId("c".repeat(101))
                .followUp(f -> {
                    f.setNavMeasureCode("M".repeat(33));
                    f.setNote("n".repeat(4001));
                })
                .build();

        PartnerHttpClient.Answer answer = partners.postMessage(keyOf(NAV_OFFICE), JSON.toJson(followUp));

        assertThat(answer.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + " " + e.get("code").asString()));
        assertThat(fields).containsExactlyInAnyOrder("correlationId OUT_OF_RANGE", "payload.navMeasureCode OUT_OF_RANGE",
                "payload.note OUT_OF_RANGE");
    }
}
