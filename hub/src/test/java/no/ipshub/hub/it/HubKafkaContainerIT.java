package no.ipshub.hub.it;

import static no.ipshub.hub.it.HubTestSupport.NAV_OFFICE_KEY;
import static no.ipshub.hub.it.HubTestSupport.SYNTHETIC_NATIONAL_ID;
import static no.ipshub.hub.it.HubTestSupport.TEAM_KEY;
import static no.ipshub.hub.it.HubTestSupport.newCaseId;
import static no.ipshub.hub.it.HubTestSupport.newMessageId;
import static no.ipshub.hub.it.HubTestSupport.referralJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/*
 * The same end-to-end flow against a real Kafka broker in a container instead of the embedded one: the hub
 * pointed at hub.kafka.brokers starts no broker of its own. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class HubKafkaContainerIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @TempDir
    Path dataDir;

    @Test
    void aReferralReachesTheNavOfficeInboxThroughAnExternalKafkaCluster() {
        try (HubTestSupport.Hub hub = HubTestSupport.startExternal(dataDir, KAFKA.getBootstrapServers())) {
            String messageId = newMessageId();

            assertThat(hub.post("/api/v1/messages", TEAM_KEY,
                    referralJson(messageId, newCaseId(), SYNTHETIC_NATIONAL_ID)).statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60)).until(() -> hub.inboxMessageIds(NAV_OFFICE_KEY).contains(messageId));
            assertThat(hub.context().containsBean("embeddedKafkaBroker")).isFalse();
        }
    }
}
