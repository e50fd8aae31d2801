package no.ipshub.hub.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.hub.HubApplication;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * The whole hub against real infrastructure in containers: Apache Kafka (KRaft, the official image) and
 * PostgreSQL 15, nothing embedded but the schema registry. A referral posted over HTTP by the Haukeland team
 * reaches NAV Bergenhus' inbox, both through GET /api/v1/inbox (read from PostgreSQL) and on the inbox topic
 * ips.inbox.nav-bergenhus-v1 in the Confluent wire format. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEndToEndIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15-alpine");

    private static final String TEAM = "haukeland-tsb";
    private static final String NAV_OFFICE = "nav-bergenhus";
    private static final String INBOX_TOPIC = "ips.inbox.nav-bergenhus-v1";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext hub;

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aReferralPostedOverHttpReachesTheRecipientsInboxThroughTheApiAndOnKafka() throws Exception {
        hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--hub.data-dir=" + dataDir,
                "--hub.kafka.brokers=" + KAFKA.getBootstrapServers(),
                "--hub.kafka.cluster-size=1",
                "--spring.datasource.url=" + POSTGRES.getJdbcUrl(),
                "--spring.datasource.username=" + POSTGRES.getUsername(),
                "--spring.datasource.password=" + POSTGRES.getPassword());
        String baseUrl = "http://127.0.0.1:" + hub.getEnvironment().getRequiredProperty("local.server.port");
        HubMessage referral = referral();

        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/messages"))
                .header("Authorization", "Bearer demo-key-" + TEAM)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new HubMessageJson().toJson(referral))));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(databaseProduct()).isEqualTo("PostgreSQL");
        assertThat(hub.containsBean("embeddedKafkaBroker")).isFalse();
        await().atMost(WAIT).until(() -> inboxMessageIds(baseUrl).contains(referral.getMessageId()));
        assertThat(inboxTopicMessageIds(referral.getMessageId())).contains(referral.getMessageId());
    }

    private static HubMessage referral() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return HubMessage.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId("containers-" + UUID.randomUUID())
                .setSender(TEAM)
                .setRecipient(NAV_OFFICE)
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setCorrelationId(null)
                .setSchemaVersion(1)
                .setPayload(Referral.newBuilder()
                        .setParticipantNationalId(new SyntheticIdentifiers(2025).nationalId())
                        .setReferringTeam(TEAM)
                        .setNavOffice(NAV_OFFICE)
                        .setReferralDate(LocalDate.now(ZoneOffset.UTC))
                        .setResearchConsent(true)
                        .setJobSpecialistRef(null)
                        .setNote(null)
                        .build())
                .build();
    }

    private String databaseProduct() throws Exception {
        try (Connection connection = hub.getBean(DataSource.class).getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    private static List<String> inboxMessageIds(String baseUrl) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/inbox?after=0&limit=500"))
                .header("Authorization", "Bearer demo-key-" + NAV_OFFICE).GET());
        List<String> ids = new ArrayList<>();
        if (page.statusCode() == 200) {
            for (JsonNode entry : JSON.readTree(page.body()).path("messages")) {
                ids.add(entry.path("message").path("messageId").asString());
            }
        }
        return ids;
    }

    /** The message ids on the inbox topic, decoded from the wire format, read until {@code expected} shows up. */
    private List<String> inboxTopicMessageIds(String expected) {
        HubWireCodec codec = hub.getBean(HubWireCodec.class);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "containers-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(INBOX_TOPIC));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ids.add(codec.decodeMessage(record.value()).getMessageId());
                }
                return ids.contains(expected);
            });
        }
        return ids;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
