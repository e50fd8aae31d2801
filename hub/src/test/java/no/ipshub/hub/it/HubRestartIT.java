package no.ipshub.hub.it;

import static no.ipshub.hub.it.HubTestSupport.JSON;
import static no.ipshub.hub.it.HubTestSupport.NAV_OFFICE_INBOX_TOPIC;
import static no.ipshub.hub.it.HubTestSupport.NAV_OFFICE_KEY;
import static no.ipshub.hub.it.HubTestSupport.SYNTHETIC_NATIONAL_ID;
import static no.ipshub.hub.it.HubTestSupport.TEAM_KEY;
import static no.ipshub.hub.it.HubTestSupport.freePort;
import static no.ipshub.hub.it.HubTestSupport.newCaseId;
import static no.ipshub.hub.it.HubTestSupport.newMessageId;
import static no.ipshub.hub.it.HubTestSupport.referralJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * A hub is stopped and started again on the same data directory and ports: what partners were sent and which
 * schema ids the registry handed out are still there, because the broker, the registry's _schemas topic and
 * the database all live in that directory.
 */
class HubRestartIT {

    private static final String INBOX_SUBJECT_LATEST =
            "/registry/subjects/" + NAV_OFFICE_INBOX_TOPIC + "-value/versions/latest";

    @TempDir
    Path dataDir;

    @Test
    void afterARestartTheInboxStillHoldsTheMessageAndTheRegistryTheSameSchemaId() {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        String messageId = newMessageId();
        int schemaIdBefore;
        try (HubTestSupport.Hub first = HubTestSupport.startEmbedded(dataDir, kafkaPort, controllerPort)) {
            assertThat(first.post("/api/v1/messages", TEAM_KEY,
                    referralJson(messageId, newCaseId(), SYNTHETIC_NATIONAL_ID)).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.inboxMessageIds(NAV_OFFICE_KEY).contains(messageId));
            schemaIdBefore = JSON.readTree(first.get(INBOX_SUBJECT_LATEST, null).body()).path("id").asInt();
        }
        assertThat(Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))).isTrue();

        try (HubTestSupport.Hub second = HubTestSupport.startEmbedded(dataDir, kafkaPort, controllerPort)) {
            assertThat(second.inboxMessageIds(NAV_OFFICE_KEY)).contains(messageId);
            assertThat(JSON.readTree(second.get(INBOX_SUBJECT_LATEST, null).body()).path("id").asInt())
                .isPositive()
                .isEqualTo(schemaIdBefore);
        }
    }
}
