package no.ipshub.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HubContext;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/*
 * The idempotency store keeps message ids for a bounded window (hub.idempotency.retention, here 5 s) and a timer
 * purges older ones (hub.idempotency.purge-interval, here every 2 s from 2 s after start). A repeat
 * within the window is answered as a duplicate; an id older than the window is purged, and a repeat after that
 * is taken as new, yet the recipient's inbox, which dedupes for good, still holds the message once.
 */
class IdempotencyRetentionIT {

    private static final Duration RETENTION = Duration.ofSeconds(5);
    private static final Duration PURGED_WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    static HubContext hub;
    static String bootstrapServers;

    @BeforeAll
    static void start() {
        ReliabilitySupport.quietKafkaLogs();
        int kafkaPort = ReliabilitySupport.freePort();
        bootstrapServers = "127.0.0.1:" + kafkaPort;
        hub = ReliabilitySupport.startHub(dataDir,
                "--hub.kafka.embedded.port=" + kafkaPort,
                "--hub.kafka.embedded.controller-port=" + ReliabilitySupport.freePort(),
                "--hub.idempotency.retention=" + RETENTION.toSeconds() + "s",
                "--hub.idempotency.purge-interval=2s",
                "--hub.idempotency.first-purge-delay=2s");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static HubMessage newReferral(String caseId) {
        return ReliabilitySupport.conversations(caseId, 1, caseId.hashCode()).get(0).messages().get(0);
    }

    private static boolean remembered(HubMessage m) {
        Integer rows = hub.bean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM processed_message WHERE message_id = ?", Integer.class, m.getMessageId());
        return rows != null && rows > 0;
    }

    @Test
    void aRepeatWithinTheRetentionWindowIsAnsweredAsADuplicate() {
        HubMessage referral = newReferral("retention-within");
        HttpEdge edge = hub.edge();

        assertThat(List.of(edge.submit(referral), edge.submit(referral))).containsExactly(202, 200);
    }

    @Test
    void theIdOfAMessageOlderThanTheRetentionWindowIsPurged() {
        HubMessage referral = newReferral("retention-purged");
        assertThat(hub.edge().submit(referral)).isEqualTo(202);
        assertThat(remembered(referral)).isTrue();

        await().atMost(PURGED_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> !remembered(referral));
    }

    @Test
    void aRepeatAfterThePurgeIsTakenAsNewButTheInboxStillHoldsTheMessageOnce() {
        HubMessage referral = newReferral("retention-repeat");
        HttpEdge edge = hub.edge();
        Ledger ledger = new Ledger();
        ledger.acknowledged(referral);
        assertThat(edge.submit(referral)).isEqualTo(202);
        ReliabilitySupport.awaitDelivery(ledger, edge, bootstrapServers, Duration.ofMinutes(1), true);
        await().atMost(PURGED_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> !remembered(referral));

        assertThat(edge.submit(referral)).isEqualTo(202);
        assertThat(ReliabilitySupport.awaitDelivery(ledger, edge, bootstrapServers, Duration.ofMinutes(1), true))
                .isEqualTo(DeliveryReport.exactlyOnce(1));
    }
}
