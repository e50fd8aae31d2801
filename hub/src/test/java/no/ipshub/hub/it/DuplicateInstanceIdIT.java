package no.ipshub.hub.it;

import static no.ipshub.hub.it.HubTestSupport.JSON;
import static no.ipshub.hub.it.HubTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * Two hubs on one cluster given the same hub.instance-id, as two containers given one HUB_INSTANCE_ID or a copied
 * data directory would be. Expected: the second refuses to start and says which id and what to do, while the first
 * runs on with its instanceId health UP; a process heartbeating for the running hub's id (one started at the same
 * moment) turns that hub's instanceId health, and so its readiness, DOWN.
 */
class DuplicateInstanceIdIT {

    private static final String INSTANCE_ID = "hub-a";

    @TempDir
    static Path firstDir;
    @TempDir
    static Path secondDir;

    private static HubTestSupport.Hub running;

    @BeforeAll
    static void startTheFirstHub() {
        running = HubTestSupport.startEmbedded(firstDir, freePort(), freePort(), "--hub.instance-id=" + INSTANCE_ID);
    }

    @AfterAll
    static void stopIt() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aSecondHubWithTheIdOfARunningOneRefusesToStartNamingTheId() {
        assertThatThrownBy(() -> HubTestSupport.startExternal(secondDir, running.bootstrapServers(),
                "--hub.instance-id=" + INSTANCE_ID).close())
                .rootCause()
                .hasMessageContaining("hub.instance-id '" + INSTANCE_ID + "' is in use by a running hub instance");
    }

    @Test
    void theRunningHubsInstanceIdIsHealthy() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(instanceIdHealth()));
    }

    @Test
    void anotherProcessHeartbeatingForTheRunningHubsIdTurnsItsInstanceIdHealthDown() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> other = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            String heartbeat = "token=" + UUID.randomUUID() + ";pid=4242;host=other-host";
            other.send(new ProducerRecord<>("ips.hub-instances-v1", 0, INSTANCE_ID,
                    heartbeat.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }

        // the conflict lasts a lease (3 s) after that heartbeat: both are seen within it
        await().atMost(Duration.ofSeconds(10)).until(() -> "DOWN".equals(instanceIdHealth())
                && running.get("/actuator/health/readiness", null).statusCode() == 503);
    }

    private static String instanceIdHealth() {
        return JSON.readTree(running.get("/actuator/health", null).body()).path("components").path("instanceId")
                .path("status").asString();
    }
}
