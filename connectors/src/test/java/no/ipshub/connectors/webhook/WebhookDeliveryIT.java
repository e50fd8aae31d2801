package no.ipshub.connectors.webhook;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * Webhooks end to end: the partner edge on a random port with the routes on an in-process broker, H2 and the
 * mock:// registry; partners' endpoints are JDK HTTP servers on this machine that verify every signature.
 * Back-off is shortened (100 ms doubling to 400 ms) and a delivery is parked after 4 attempts. Each test
 * registers the webhook of a partner of its own, so their deliveries never mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:webhooks-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "hub.schema-registry.url=mock://webhooks-it",
    "hub.webhooks.secret-key=base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "hub.webhooks.allow-insecure-localhost=true",
    "hub.webhooks.max-attempts=4",
    "hub.webhooks.initial-backoff=100ms",
    "hub.webhooks.max-backoff=400ms",
    "hub.webhooks.poll-interval=100ms",
    "hub.webhooks.request-timeout=5s"})
@Import(EmbeddedKafkaTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryIT {

    private static final HubMessageJson MESSAGES = new HubMessageJson();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OPERATOR_KEY = "it-key-operator";
    /** The third NAV office of the test partners file, used only by the parking test. */
    private static final String PARKING_OFFICE = "nav-alta";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> registered = new ArrayList<>();
    private WebhookReceiver receiver;

    record Answer(int status, String cacheControl, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void cleanUp() {
        registered.forEach(partner -> call("DELETE", "/api/v1/webhook", keyOf(partner), null));
        receiver.close();
    }

    private Answer call(String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Cache-Control").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers the receiver as the partner's webhook and gives it the secret. */
    private Answer register(String partner) {
        Answer answer = call("PUT", "/api/v1/webhook", keyOf(partner), "{\"url\": \"" + receiver.url() + "\"}");
        assertThat(answer.status()).isIn(200, 201);
        registered.add(partner);
        receiver.secret(answer.json().get("secret").asString());
        return answer;
    }

    private HubMessage sendReferral(String team, String office) {
        HubMessage referral = HubMessages.referral().caseId("webhook-" + UUID.randomUUID()).sender(team).recipient(office)
                .build();
        assertThat(call("POST", "/api/v1/messages", keyOf(team), MESSAGES.toJson(referral)).status()).isEqualTo(202);
        return referral;
    }

    private List<String> parkedMessageIds() {
        Answer answer = call("GET", "/api/v1/ops/webhooks/parked", OPERATOR_KEY, null);
        assertThat(answer.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("parked").forEach(p -> ids.add(p.get("messageId").asString()));
        return ids;
    }

    @Test
    void registrationAnswersANewSecretOnceAndNeverShowsItAgain() {
        Answer first = register(OTHER_TEAM);
        Answer shown = call("GET", "/api/v1/webhook", keyOf(OTHER_TEAM), null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.cacheControl()).contains("no-store");
        assertThat(first.json().get("secret").asString()).hasSize(43);
        assertThat(shown.json().get("url").asString()).isEqualTo(receiver.url());
        assertThat(shown.json().has("secret")).isFalse();
        assertThat(shown.body()).doesNotContain(first.json().get("secret").asString());
    }

    @Test
    void registeringAgainReplacesTheSecret() {
        String first = register(OTHER_TEAM).json().get("secret").asString();

        Answer again = register(OTHER_TEAM);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("secret").asString()).isNotEqualTo(first);
    }

    @Test
    void aRemovedWebhookIsGone() {
        register(OTHER_TEAM);

        assertThat(call("DELETE", "/api/v1/webhook", keyOf(OTHER_TEAM), null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/webhook", keyOf(OTHER_TEAM), null).status()).isEqualTo(404);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWith422NamingTheUrl() {
        Answer answer = call("PUT", "/api/v1/webhook", keyOf(OTHER_TEAM), "{\"url\": \"http://203.0.113.5/hook\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("INSECURE_URL");
    }

    @Test
    void aRegistrationWithoutUrlIs400() {
        assertThat(call("PUT", "/api/v1/webhook", keyOf(OTHER_TEAM), "{\"address\": \"x\"}").status()).isEqualTo(400);
    }

    @Test
    void eachInboxMessageIsPostedSignedInItsJsonForm() {
        register(NAV_OFFICE);

        HubMessage referral = sendReferral(TEAM, NAV_OFFICE);

        await().atMost(WAIT).until(() -> !receiver.receivedFor(referral.getMessageId()).isEmpty());
        WebhookReceiver.Received delivery = receiver.receivedFor(referral.getMessageId()).get(0);
        assertThat(delivery.signatureValid()).isTrue();
        assertThat(delivery.answered()).isEqualTo(200);
        assertThat(MESSAGES.fromJson(delivery.body())).isEqualTo(referral);
    }

    /* The endpoint answers 500 twice, then 200: the same message is POSTed three times, each attempt signed
       afresh, at least the back-off apart, and the delivery ends up DELIVERED without its message bytes. */
    @Test
    void aDeliveryThatFailsTwiceIsRetriedWithBackOffUntilItSucceeds() {
        register(OTHER_NAV_OFFICE);
        receiver.thenAnswer(500, 500);

        HubMessage referral = sendReferral(TEAM, OTHER_NAV_OFFICE);

        await().atMost(WAIT).until(() -> receiver.receivedFor(referral.getMessageId()).size() >= 3);
        List<WebhookReceiver.Received> attempts = receiver.receivedFor(referral.getMessageId());
        assertThat(attempts).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 200);
        assertThat(attempts).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(80));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                "SELECT state FROM webhook_delivery WHERE message_id = ?", String.class, referral.getMessageId())));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE message_id = ? AND wire_bytes IS NULL",
                Integer.class, referral.getMessageId())).isEqualTo(1);
    }

    /* The endpoint answers 503 to everything: after 4 attempts the delivery is parked and shown to operators.
       The partner fixes its endpoint, an operator replays the delivery, and it arrives. */
    @Test
    void aDeliveryThatKeepsFailingIsParkedAndArrivesWhenAnOperatorReplaysIt() {
        register(PARKING_OFFICE);
        receiver.answerByDefault(503);
        HubMessage referral = sendReferral(OTHER_TEAM, PARKING_OFFICE);
        await().atMost(WAIT).until(() -> parkedMessageIds().contains(referral.getMessageId()));
        JsonNode parked = null;
        for (JsonNode p : call("GET", "/api/v1/ops/webhooks/parked", OPERATOR_KEY, null).json().get("parked")) {
            if (p.get("messageId").asString().equals(referral.getMessageId())) {
                parked = p;
            }
        }
        assertThat(parked.get("attempts").asInt()).isEqualTo(4);
        assertThat(parked.get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(receiver.receivedFor(referral.getMessageId())).hasSize(4);

        receiver.answerByDefault(200);
        Answer replay = call("POST", "/api/v1/ops/webhooks/parked/" + parked.get("id").asLong() + "/replay",
                OPERATOR_KEY, null);

        assertThat(replay.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.receivedFor(referral.getMessageId()).stream()
                .anyMatch(r -> r.answered() == 200));
        assertThat(parkedMessageIds()).doesNotContain(referral.getMessageId());
    }

    @Test
    void replayingADeliveryThatIsNotParkedIs409() {
        register(NAV_OFFICE);
        HubMessage referral = sendReferral(TEAM, NAV_OFFICE);
        await().atMost(WAIT).until(() -> !receiver.receivedFor(referral.getMessageId()).isEmpty());
        Long id = jdbc.queryForObject("SELECT id FROM webhook_delivery WHERE message_id = ?", Long.class,
                referral.getMessageId());

        assertThat(call("POST", "/api/v1/ops/webhooks/parked/" + id + "/replay", OPERATOR_KEY, null).status())
            .isEqualTo(409);
    }

    @Test
    void aPartnerCannotSeeParkedDeliveries() {
        assertThat(call("GET", "/api/v1/ops/webhooks/parked", keyOf(NAV_OFFICE), null).status()).isEqualTo(403);
    }

    @Test
    void theSecretIsStoredSealedAndNeverLogged(CapturedOutput output) {
        String secret = register(OTHER_TEAM).json().get("secret").asString();

        byte[] stored = jdbc.queryForObject("SELECT secret_sealed FROM webhook_endpoint WHERE partner_id = ?",
                byte[].class, OTHER_TEAM);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret);
    }
}
