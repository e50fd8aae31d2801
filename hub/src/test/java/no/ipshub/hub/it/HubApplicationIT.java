package no.ipshub.hub.it;

import static no.ipshub.hub.it.HubTestSupport.JSON;
import static no.ipshub.hub.it.HubTestSupport.NAV_OFFICE_INBOX_TOPIC;
import static no.ipshub.hub.it.HubTestSupport.NAV_OFFICE_KEY;
import static no.ipshub.hub.it.HubTestSupport.OTHER_NAV_OFFICE_KEY;
import static no.ipshub.hub.it.HubTestSupport.SYNTHETIC_NATIONAL_ID;
import static no.ipshub.hub.it.HubTestSupport.TEAM_KEY;
import static no.ipshub.hub.it.HubTestSupport.freePort;
import static no.ipshub.hub.it.HubTestSupport.newCaseId;
import static no.ipshub.hub.it.HubTestSupport.newMessageId;
import static no.ipshub.hub.it.HubTestSupport.referralJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ipshub.registry.serde.ConfluentAvroDeserializer;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/*
 * The whole hub as `java -jar` starts it (embedded broker, embedded registry, H2 file database, HTTP server,
 * routes) on free ports and a temporary data directory, exercised the way a partner would use it.
 */
class HubApplicationIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    static HubTestSupport.Hub hub;

    @BeforeAll
    static void startHub() {
        hub = HubTestSupport.startEmbedded(dataDir, freePort(), freePort());
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void healthIsUpWithKafkaRegistryAndDatabaseComponents() {
        HttpResponse<String> response = hub.get("/actuator/health", null);

        JsonNode health = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(List.of("kafka", "registry", "db"))
            .allSatisfy(component -> assertThat(health.path("components").path(component).path("status").asString())
                .as(component).isEqualTo("UP"));
    }

    @Test
    void aReferralPostedByATeamReachesTheNavOfficeInboxOverHttp() {
        String messageId = newMessageId();

        HttpResponse<String> accepted = hub.post("/api/v1/messages", TEAM_KEY,
                referralJson(messageId, newCaseId(), SYNTHETIC_NATIONAL_ID));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(DELIVERY).untilAsserted(() ->
                assertThat(hub.inboxMessageIds(NAV_OFFICE_KEY)).contains(messageId));
    }

    @Test
    void aReferralReachesTheNavOfficeInboxTopicForAPlainKafkaConsumer() {
        String messageId = newMessageId();
        assertThat(hub.post("/api/v1/messages", TEAM_KEY, referralJson(messageId, newCaseId(), SYNTHETIC_NATIONAL_ID))
                .statusCode()).isEqualTo(202);

        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, hub.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-plain-consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                "schema.registry.url", hub.baseUrl() + "/registry",
                "specific.avro.reader", true);
        List<HubMessage> received = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(NAV_OFFICE_INBOX_TOPIC));
            await().atMost(DELIVERY).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add((HubMessage) record.value());
                }
                return received.stream().anyMatch(m -> m.getMessageId().equals(messageId));
            });
        }

        HubMessage message = received.stream().filter(m -> m.getMessageId().equals(messageId)).findFirst().orElseThrow();
        assertThat(((Referral) message.getPayload()).getParticipantNationalId()).isEqualTo(SYNTHETIC_NATIONAL_ID);
    }

    @Test
    void aReferralWithABadFodselsnummerIsRefusedWith422NamingTheField() {
        String badChecksum = SYNTHETIC_NATIONAL_ID.substring(0, 10)
                + (char) ('0' + (SYNTHETIC_NATIONAL_ID.charAt(10) - '0' + 1) % 10);

        HttpResponse<String> refused = hub.post("/api/v1/messages", TEAM_KEY,
                referralJson(newMessageId(), newCaseId(), badChecksum));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsString("field"))
            .contains("payload.participantNationalId");
    }

    @Test
    void aNavOfficeNeverSeesAnotherOfficesMessages() {
        String messageId = newMessageId();
        hub.post("/api/v1/messages", TEAM_KEY, referralJson(messageId, newCaseId(), SYNTHETIC_NATIONAL_ID));
        await().atMost(DELIVERY).until(() -> hub.inboxMessageIds(NAV_OFFICE_KEY).contains(messageId));

        assertThat(hub.inboxMessageIds(OTHER_NAV_OFFICE_KEY)).doesNotContain(messageId);
    }

    @Test
    void prometheusExportsRouteAndKafkaClientMetrics() {
        String messageId = newMessageId();
        hub.post("/api/v1/messages", TEAM_KEY, referralJson(messageId, newCaseId(), SYNTHETIC_NATIONAL_ID));
        await().atMost(DELIVERY).until(() -> hub.inboxMessageIds(NAV_OFFICE_KEY).contains(messageId));

        String metrics = hub.get("/actuator/prometheus", null).body();

        assertThat(metrics).containsPattern("camel_route_exchanges_total\\{[^}]*route=\"[^\"]+\"[^}]*} [1-9]");
        assertThat(metrics).contains("camel_route_exchanges_failed_total", "camel_route_exchanges_inflight",
                "camel_route_processing_mean_seconds", "camel_route_processing_max_seconds");
        assertThat(metrics).contains("kafka_producer_record_send_total", "kafka_consumer_records_consumed_total");
    }

    @Test
    void prometheusTimesHttpRequestsButNotSpringSecuritysOwnFilters() {
        hub.post("/api/v1/messages", TEAM_KEY, referralJson(newMessageId(), newCaseId(), SYNTHETIC_NATIONAL_ID));

        String metrics = hub.get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("http_server_requests_seconds_count");
        assertThat(metrics).doesNotContain("spring_security_");
    }
}
