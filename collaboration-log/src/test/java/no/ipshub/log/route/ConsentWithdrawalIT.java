package no.ipshub.log.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.store.EntryQuery;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogKafka;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/*
 * Consent withdrawal end to end: a participant's entries are in the store and on the log topic; a follow-up
 * CONSENT_WITHDRAWN removes them from the store, tombstones them on the topic, stops later events and is
 * audited with the pseudonymous key only. The compaction test proves, on the broker's real log cleaner, that a
 * consumer reading the compacted topic from the beginning afterwards finds no record carrying the
 * participant's entries (at most tombstones, which carry only entry ids).
 */
@LogIntegrationTest
class ConsentWithdrawalIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    LogKafka kafka;
    @Autowired
    CollaborationLogEntries store;
    @Autowired
    Pseudonymiser pseudonyms;
    @Autowired
    HubTopics topics;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    AuditTrail audit;
    @Autowired
    KafkaClientSettings settings;

    private String nationalId;
    private String participant;
    private String caseId;

    @BeforeEach
    void participantWithLoggedEntries() {
        nationalId = SyntheticPeople.next();
        participant = pseudonyms.participantKey(nationalId);
        caseId = "case-withdraw-" + UUID.randomUUID();
        kafka.send(
                HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(nationalId)).build(),
                HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).build(),
                HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).build());
        await().atMost(WAIT).until(() -> store.countOfParticipant(participant) == 3);
    }

    private HubMessage withdrawal() {
        return HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build();
    }

    @Test
    void withdrawalDeletesEveryEntryOfTheParticipantFromTheStore() {
        kafka.send(withdrawal());

        await().atMost(WAIT).until(() -> store.countOfParticipant(participant) == 0);
    }

    @Test
    void eventsAfterTheWithdrawalAreNotLogged() {
        kafka.send(withdrawal(), HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).build());
        String marker = "case-after-" + UUID.randomUUID();
        String other = SyntheticPeople.next();
        kafka.send(HubMessages.referral().caseId(marker).referral(r -> r.setParticipantNationalId(other)).build());

        await().atMost(WAIT).until(() -> store.countOfParticipant(pseudonyms.participantKey(other)) == 1);
        assertThat(store.countOfParticipant(participant)).isZero();
    }

    @Test
    void withdrawalIsAuditedWithThePseudonymousKeyOnly() {
        kafka.send(withdrawal());

        await().atMost(WAIT).untilAsserted(() -> assertThat(audit.list(0, 10_000))
                .filteredOn(r -> r.query().contains(participant))
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("CONSENT_WITHDRAWN"))
                .satisfies(r -> assertThat(r.query()).doesNotContain(nationalId))
                .satisfies(r -> assertThat(r.rowCount()).isEqualTo(3)));
    }

    @Test
    void withdrawalTombstonesEachEntryOnTheLogTopic() {
        Set<String> entryIds = store.find(EntryQuery.all(), 0, 100_000).stream()
                .filter(e -> e.getParticipantKey().equals(participant)).map(CollaborationLogEntry::getEntryId)
                .collect(Collectors.toSet());

        kafka.send(withdrawal());

        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.readAll(topics.collaborationLog()).stream()
                .filter(r -> r.value() == null).map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList())
                .containsAll(entryIds));
    }

    /*
     * Consent given again: after the withdrawal the participant's old entries are tombstoned; a CONSENT_GIVEN dated
     * later and an employer contact after it are logged under new entry ids, on the topic too, while the latest
     * record of every old entry id stays its tombstone.
     */
    @Test
    void consentGivenAgainLogsNewEntriesWhileTheOldOnesStayTombstoned() {
        Set<String> oldIds = store.find(EntryQuery.all(), 0, 100_000).stream()
                .filter(e -> e.getParticipantKey().equals(participant)).map(CollaborationLogEntry::getEntryId)
                .collect(Collectors.toSet());
        kafka.send(withdrawal());
        await().atMost(WAIT).until(() -> store.countOfParticipant(participant) == 0);

        kafka.send(HubMessages.followUp(FollowUpKind.CONSENT_GIVEN).caseId(caseId).schemaVersion(2)
                        .followUp(f -> f.setDate(HubMessages.FOLLOW_UP_DATE.plusDays(7))).build(),
                HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId)
                        .followUp(f -> f.setDate(HubMessages.FOLLOW_UP_DATE.plusDays(8))).build());

        await().atMost(WAIT).until(() -> store.countOfParticipant(participant) == 2);
        Map<String, byte[]> latest = new java.util.HashMap<>();
        kafka.readAll(topics.collaborationLog()).forEach(r -> latest.put(new String(r.key(), StandardCharsets.UTF_8), r.value()));
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);
        long current = latest.values().stream().filter(v -> v != null)
                .map(v -> codec.decode(v, CollaborationLogEntry.class))
                .filter(e -> e.getParticipantKey().equals(participant)).count();
        assertThat(List.of(oldIds.stream().allMatch(id -> latest.containsKey(id) && latest.get(id) == null), current))
                .containsExactly(true, 2L);
    }

    @Test
    void afterCompactionNoEntryOfTheParticipantCanBeReadFromTheTopic() throws Exception {
        assertThat(participantEntriesOnTopic()).isNotEmpty();
        compactAggressively();

        kafka.send(withdrawal());

        // the cleaner never touches the active segment: keep appending other entries so segments roll
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String filler = SyntheticPeople.next();
            kafka.send(HubMessages.referral().caseId("case-filler-" + UUID.randomUUID())
                    .referral(r -> r.setParticipantNationalId(filler)).build());
            assertThat(participantEntriesOnTopic()).isEmpty();
        });
    }

    private List<CollaborationLogEntry> participantEntriesOnTopic() {
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topics.collaborationLog());
        return records.stream().filter(r -> r.value() != null)
                .map(r -> codec.decode(r.value(), CollaborationLogEntry.class))
                .filter(e -> e.getParticipantKey().equals(participant)).toList();
    }

    /** Rolls segments every 200 ms and lets the cleaner take any dirty log; the broker's cleaner wakes every 500 ms. */
    private void compactAggressively() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, topics.collaborationLog());
        Collection<AlterConfigOp> ops = List.of(
                set(TopicConfig.SEGMENT_MS_CONFIG, "200"),
                set(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01"),
                set(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"),
                set(TopicConfig.DELETE_RETENTION_MS_CONFIG, "100"));
        try (Admin admin = Admin.create(settings.commonProperties())) {
            admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static AlterConfigOp set(String key, String value) {
        return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
    }
}
