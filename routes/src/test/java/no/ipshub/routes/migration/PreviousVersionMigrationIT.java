package no.ipshub.routes.migration;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.ChangelogReader;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.config.IdempotencyProperties;
import no.ipshub.routes.inbox.InboxCursor;
import no.ipshub.routes.inbox.InboxReader.InboxPage;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.inbox.LegacyInbox;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/*
 * A hub of this version starts on the data of the previous one, which kept its decisions in tables: accepted
 * message ids (one within the retention, one older), the case parties of a referral, NAV Bergenhus' inbox rows
 * m1 and m2 (also on its inbox topic, where that version put them too), and on the canonical topic m1, m2 and m3,
 * of which the previous inbox-delivery group had committed only m1 (m2 was delivered, m3 not, when it stopped).
 * Expected after the migration: the state changelog holds the recent id and the case parties, the tables are
 * empty, m3 is on the inbox topic once and m2 not again, and a cursor of the previous version reads m1, m2, m3.
 * Each test has topics and a database of its own.
 */
@RoutesIntegrationTest
class PreviousVersionMigrationIT {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    @Autowired
    KafkaClientSettings kafka;
    @Autowired
    HubWireCodec codec;
    @Autowired
    HubTopics hubTopics;
    private JdbcTemplate jdbc;
    @Autowired
    SupervisedLoops loops;
    private HubTopics topics;
    private StateChangelog changelog;
    private KafkaTestClient client;
    private final String caseId = "migrated-" + UUID.randomUUID();
    private final UUID recentId = UUID.randomUUID();
    private final UUID oldId = UUID.randomUUID();
    private final List<HubMessage> messages = new ArrayList<>();

    @BeforeEach
    void previousVersionData() throws Exception {
        String run = "mig-" + UUID.randomUUID().toString().substring(0, 8);
        topics = new HubTopics(run + ".referral", run + ".followup", run + ".outcome", "d", "c", "i.{partner}",
                run + ".inbox.{partner}", run + ".state", "a", null, null, null);
        changelog = new StateChangelog(topics.intakeState(), 2);
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.createTopics(List.of(new NewTopic(topics.referral(), 1, (short) 1),
                    new NewTopic(topics.inboxFor(NAV_OFFICE), 2, (short) 1),
                    new NewTopic(topics.intakeState(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        client = new KafkaTestClient(kafka);
        jdbc = new JdbcTemplate(MigratedDatabases.h2());
        jdbc.update("INSERT INTO processed_message (message_id, sender, case_id, canonical_topic, recorded_at)"
                + " VALUES (?, ?, ?, 'ips.referral-v1', ?)", recentId.toString(), TEAM, caseId, at(NOW.minusSeconds(86_400)));
        jdbc.update("INSERT INTO processed_message (message_id, sender, case_id, canonical_topic, recorded_at)"
                + " VALUES (?, ?, ?, 'ips.referral-v1', ?)", oldId.toString(), TEAM, caseId, at(NOW.minus(Duration.ofDays(40))));
        jdbc.update("INSERT INTO case_party (case_id, team, nav_office, opened_by_message_id, opened_at)"
                + " VALUES (?, ?, ?, ?, ?)", caseId, TEAM, NAV_OFFICE, recentId.toString(), at(NOW));
        for (int i = 0; i < 3; i++) {
            HubMessage m = HubMessages.referral().caseId("migrated-" + UUID.randomUUID()).build();
            messages.add(m);
            byte[] bytes = codec.encode(hubTopics.referral(), m);
            client.send(topics.referral(), m.getCaseId().getBytes(StandardCharsets.UTF_8), bytes);
            if (i < 2) {
                client.send(topics.inboxFor(NAV_OFFICE), m.getCaseId().getBytes(StandardCharsets.UTF_8), bytes);
                jdbc.update("INSERT INTO inbox_message (recipient, message_id, case_id, sender, wire_bytes,"
                        + " source_topic, source_partition, source_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                        NAV_OFFICE, m.getMessageId(), m.getCaseId(), TEAM, bytes, topics.referral(), i, at(NOW));
            }
        }
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.alterConsumerGroupOffsets(PreviousVersionMigration.PREVIOUS_DELIVERY_GROUP,
                    Map.of(new TopicPartition(topics.referral(), 0), new OffsetAndMetadata(1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.deleteConsumerGroups(List.of(PreviousVersionMigration.PREVIOUS_DELIVERY_GROUP)).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void migrate() throws Exception {
        new PreviousVersionMigration(jdbc, new HubKafkaClients(kafka), topics, codec, changelog, new LegacyInbox(jdbc),
                new IdempotencyProperties(Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(1)),
                new InstanceIdentity("migration-it"), Clock.fixed(NOW, ZoneOffset.UTC)).afterPropertiesSet();
    }

    private CaseStateStore restoredState() {
        ChangelogReader reader = new ChangelogReader(new HubKafkaClients(kafka), "migration-it", Duration.ofSeconds(5));
        CaseStateStore store = new CaseStateStore(changelog, reader);
        store.ensureCurrent(Set.of(0, 1));
        reader.close();
        return store;
    }

    private List<String> inboxTopicIds() {
        return client.findAll(topics.inboxFor(NAV_OFFICE), r -> true, 3, Duration.ofSeconds(10)).stream()
                .map(r -> codec.decodeMessage(r.value()).getMessageId()).toList();
    }

    private List<String> ids(int... indexes) {
        List<String> ids = new ArrayList<>();
        for (int i : indexes) {
            ids.add(messages.get(i).getMessageId());
        }
        return ids;
    }

    @Test
    void acceptedIdWithinTheRetentionIsInTheState() throws Exception {
        migrate();

        CaseStateStore state = restoredState();
        assertThat(state.senderOf(caseId, recentId, state.changes())).isEqualTo(TEAM);
    }

    @Test
    void acceptedIdOlderThanTheRetentionIsLeftBehind() throws Exception {
        migrate();

        CaseStateStore state = restoredState();
        assertThat(state.senderOf(caseId, oldId, state.changes())).isNull();
    }

    @Test
    void casePartiesAreInTheState() throws Exception {
        migrate();

        CaseStateStore state = restoredState();
        assertThat(state.openings(caseId, state.changes())).anyMatch(o -> o.isSharedBy(TEAM, NAV_OFFICE));
    }

    @Test
    void theTablesOfThePreviousStateAreEmptied() throws Exception {
        migrate();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_message", Integer.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM case_party", Integer.class)).isZero();
    }

    @Test
    void undeliveredBacklogReachesTheInboxTopicAndNothingIsThereTwice() throws Exception {
        migrate();

        assertThat(inboxTopicIds()).containsExactlyInAnyOrderElementsOf(ids(0, 1, 2));
    }

    @Test
    void migratingTwiceDeliversNothingAgain() throws Exception {
        migrate();
        migrate();

        assertThat(inboxTopicIds()).containsExactlyInAnyOrderElementsOf(ids(0, 1, 2));
    }

    @Test
    void cursorOfThePreviousVersionReadsTheRowsThenTheBacklog() throws Exception {
        migrate();
        InboxReader reader = new InboxReader(new HubKafkaClients(kafka), topics, codec, new LegacyInbox(jdbc), 1,
                Duration.ofSeconds(10), loops);

        InboxPage page = reader.read(NAV_OFFICE, InboxCursor.parse("0"), 100);
        reader.close();

        assertThat(page.items()).extracting(i -> i.message().getMessageId()).containsExactlyElementsOf(ids(0, 1, 2));
    }
}
