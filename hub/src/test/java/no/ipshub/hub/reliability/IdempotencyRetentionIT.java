package no.ipshub.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.ChangelogReader;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HubContext;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * The intake's state keeps accepted message ids for a bounded window (hub.idempotency.retention, here 5 s) and a
 * timer has older ones expired (hub.idempotency.purge-interval, here every 2 s from 2 s after start), by tombstones
 * on the state changelog. A repeat within the window is answered as a duplicate; an id older than the window is
 * forgotten, also by an instance that reads the changelog afresh, and a repeat after that is taken as a new
 * message: the window is the promise, so partners must not repeat messages older than it.
 */
class IdempotencyRetentionIT {

    private static final Duration RETENTION = Duration.ofSeconds(5);
    private static final Duration PURGED_WITHIN = Duration.ofSeconds(30);
    private static final Duration COMMITTED_WITHIN = Duration.ofSeconds(4);

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
        CaseStateStore state = hub.bean(CaseStateStore.class);
        return state.senderOf(m.getCaseId(), UUID.fromString(m.getMessageId()), state.changes()) != null;
    }

    /** True when a store that reads the whole changelog afresh (as a new owner of the partition) knows the id. */
    private static boolean rememberedByTheChangelog(HubMessage m) {
        StateChangelog changelog = hub.bean(StateChangelog.class);
        try (ChangelogReader reader = new ChangelogReader(hub.bean(HubKafkaClients.class), "retention-it",
                Duration.ofSeconds(10))) {
            CaseStateStore fresh = new CaseStateStore(changelog, reader);
            int partition = changelog.partitionOf(m.getCaseId());
            fresh.ensureCurrent(Set.of(partition));
            return fresh.senderOf(m.getCaseId(), UUID.fromString(m.getMessageId()), fresh.changes()) != null;
        }
    }

    @Test
    void aRepeatWithinTheRetentionWindowIsAnsweredAsADuplicate() {
        HubMessage referral = newReferral("retention-within");
        HttpEdge edge = hub.edge();

        assertThat(List.of(edge.submit(referral), edge.submit(referral))).containsExactly(202, 200);
    }

    @Test
    void theIdOfAMessageOlderThanTheRetentionWindowIsForgotten() {
        HubMessage referral = newReferral("retention-purged");
        assertThat(hub.edge().submit(referral)).isEqualTo(202);
        // the 202 comes from the owner's memory; the id reaches the state with the transaction that follows
        await().atMost(COMMITTED_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> remembered(referral));

        await().atMost(PURGED_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> !remembered(referral));
    }

    @Test
    void theIdOfAMessageOlderThanTheRetentionWindowIsGoneFromTheChangelogToo() {
        HubMessage referral = newReferral("retention-changelog");
        assertThat(hub.edge().submit(referral)).isEqualTo(202);
        await().atMost(COMMITTED_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> rememberedByTheChangelog(referral));

        await().atMost(PURGED_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> !rememberedByTheChangelog(referral));
    }

    @Test
    void aRepeatAfterTheIdWasForgottenIsTakenAsANewMessage() {
        HubMessage referral = newReferral("retention-repeat");
        HttpEdge edge = hub.edge();
        assertThat(edge.submit(referral)).isEqualTo(202);
        await().atMost(PURGED_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> !remembered(referral));

        assertThat(edge.submit(referral)).isEqualTo(202);
    }
}
