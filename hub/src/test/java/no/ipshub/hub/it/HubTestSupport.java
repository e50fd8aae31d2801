package no.ipshub.hub.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.ipshub.hub.HubApplication;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole hub the way {@code java -jar} does, on free ports and a data directory of the test's
 * choosing, and talks to it over HTTP with the demo partners' published keys.
 */
final class HubTestSupport {

    static final String TEAM = "haukeland-tsb";
    static final String TEAM_KEY = "demo-key-haukeland-tsb";
    static final String NAV_OFFICE = "nav-bergenhus";
    static final String NAV_OFFICE_KEY = "demo-key-nav-bergenhus";
    static final String OTHER_NAV_OFFICE_KEY = "demo-key-nav-bodo";
    static final String OPERATOR = "demo-operator";
    static final String OPERATOR_KEY = "demo-key-operator";
    static final String NAV_OFFICE_INBOX_TOPIC = "ips.inbox.nav-bergenhus-v1";

    /** A synthetic fødselsnummer (birth month plus 80, so no real person has it) with valid control digits. */
    static final String SYNTHETIC_NATIONAL_ID = new SyntheticIdentifiers(2025).nationalId();

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HubMessageJson MESSAGE_JSON = new HubMessageJson();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubTestSupport() {
    }

    /** A running hub. */
    record Hub(ConfigurableApplicationContext context, int httpPort, int kafkaPort) implements AutoCloseable {

        String baseUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        String bootstrapServers() {
            return "127.0.0.1:" + kafkaPort;
        }

        HttpResponse<String> post(String path, String apiKey, String body) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> get(String path, String apiKey) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            return send(request);
        }

        /** The message ids in the caller's inbox, oldest first. */
        List<String> inboxMessageIds(String apiKey) {
            HttpResponse<String> response = get("/api/v1/inbox?after=0&limit=1000", apiKey);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/v1/inbox answered " + response.statusCode() + ": " + response.body());
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(response.body()).path("messages")) {
                ids.add(entry.path("message").path("messageId").asString());
            }
            return ids;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /**
     * Starts a hub with its embedded broker and registry, its files under {@code dataDir}; extra arguments
     * are read as the command line of {@code java -jar} (so {@code --demo} works).
     */
    static Hub startEmbedded(Path dataDir, int kafkaPort, int controllerPort, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--hub.data-dir=" + dataDir,
                "--hub.kafka.embedded.port=" + kafkaPort,
                "--hub.kafka.embedded.controller-port=" + controllerPort));
        arguments.addAll(List.of(extraArguments));
        return start(kafkaPort, arguments);
    }

    /** Starts a hub against an external Kafka cluster, the database and nothing else under {@code dataDir}. */
    static Hub startExternal(Path dataDir, String bootstrapServers, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--hub.data-dir=" + dataDir,
                "--hub.kafka.brokers=" + bootstrapServers,
                "--hub.kafka.cluster-size=1"));
        arguments.addAll(List.of(extraArguments));
        return start(-1, arguments);
    }

    private static Hub start(int kafkaPort, List<String> arguments) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class)
                .run(HubApplication.springArguments(arguments.toArray(String[]::new)));
        int httpPort = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return new Hub(context, httpPort, kafkaPort);
    }

    /** A referral from the Haukeland team to NAV Bergenhus in the JSON form partners send. */
    static String referralJson(String messageId, String caseId, String nationalId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HubMessage message = HubMessage.newBuilder()
                .setMessageId(messageId)
                .setCaseId(caseId)
                .setSender(TEAM)
                .setRecipient(NAV_OFFICE)
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setCorrelationId(null)
                .setSchemaVersion(1)
                .setPayload(Referral.newBuilder()
                        .setParticipantNationalId(nationalId)
                        .setReferringTeam(TEAM)
                        .setNavOffice(NAV_OFFICE)
                        .setReferralDate(LocalDate.now(ZoneOffset.UTC))
                        .setResearchConsent(true)
                        .setJobSpecialistRef(null)
                        .setNote(null)
                        .build())
                .build();
        return MESSAGE_JSON.toJson(message);
    }

    static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    static String newCaseId() {
        return "it-case-" + UUID.randomUUID();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
