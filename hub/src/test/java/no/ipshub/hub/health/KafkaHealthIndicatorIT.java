package no.ipshub.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.hub.kafka.EmbeddedKafkaBroker;
import no.ipshub.hub.kafka.ExternalKafkaClientSettings;
import no.ipshub.hub.kafka.HubKafkaProperties;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/* The Kafka health component against a real single-node broker, as it is and as part of a larger cluster. */
class KafkaHealthIndicatorIT {

    @TempDir
    static Path dataDir;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start(new HubKafkaProperties.Embedded(dataDir, "127.0.0.1", freePort(),
                freePort()));
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Health healthOf(KafkaClientSettings settings) throws Exception {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(new HubKafkaClients(settings));
        try {
            return indicator.health(true);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void aSingleNodeBrokerThatAnswersIsUp() throws Exception {
        Health health = healthOf(broker);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("brokers", 1).containsEntry("expectedBrokers", 1);
    }

    @Test
    void oneLiveBrokerOfAnExpectedThreeIsDown() throws Exception {
        Health health = healthOf(new ExternalKafkaClientSettings(broker.bootstrapServers(), Map.of(), 3));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }
}
