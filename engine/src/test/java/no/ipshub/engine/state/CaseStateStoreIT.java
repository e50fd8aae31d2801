package no.ipshub.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The intake's state as another instance (or this one after a restart) gets it: caught up from the changelog,
 * committed records only, after any transaction a former owner left open has ended. Each test has its own
 * changelog topic.
 */
class CaseStateStoreIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaClientSettings kafka;

    private StateChangelog changelog;
    private ChangelogReader reader;
    private Producer<byte[], byte[]> owner;

    @BeforeAll
    static void startBroker() {
        EmbeddedKafkaTestConfiguration support = new EmbeddedKafkaTestConfiguration();
        broker = support.embeddedKafka();
        kafka = support.kafkaClientSettings(broker);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void createChangelog() throws Exception {
        String topic = "state-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        changelog = new StateChangelog(topic, 2);
        reader = new ChangelogReader(new HubKafkaClients(kafka), "state-it", Duration.ofSeconds(5));
        owner = transactionalProducer("owner-" + topic);
    }

    @AfterEach
    void close() {
        owner.close(Duration.ofSeconds(5));
        reader.close();
    }

    private Producer<byte[], byte[]> transactionalProducer(String transactionalId) {
        return transactionalProducer(transactionalId, 5_000);
    }

    private Producer<byte[], byte[]> transactionalProducer(String transactionalId, int timeoutMs) {
        Map<String, Object> config = new HashMap<>(kafka.commonProperties());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, timeoutMs);
        Producer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    /** A store that has just gained every partition of the changelog. */
    private CaseStateStore storeThatGainedAllPartitions() {
        CaseStateStore store = new CaseStateStore(changelog, reader);
        store.ensureCurrent(Set.of(0, 1));
        return store;
    }

    /** The owner commits a batch that accepted a referral opening its case. */
    private StateChanges commitReferral(CaseStateStore writer, String caseId, UUID messageId) {
        StateChanges changes = writer.changes();
        changes.accepted(caseId, messageId, "haukeland-tsb", Instant.now().toEpochMilli());
        changes.opened(new CaseOpening(caseId, "haukeland-tsb", "nav-bergenhus", messageId.toString()), List.of());
        owner.beginTransaction();
        changes.records().forEach(owner::send);
        owner.commitTransaction();
        writer.apply(changes);
        return changes;
    }

    @Test
    void storeCaughtUpFromTheChangelogKnowsTheAcceptedIds() {
        UUID id = UUID.randomUUID();
        commitReferral(new CaseStateStore(changelog, reader), "case-1", id);

        CaseStateStore restored = storeThatGainedAllPartitions();

        assertThat(restored.senderOf("case-1", id, restored.changes())).isEqualTo("haukeland-tsb");
    }

    @Test
    void storeCaughtUpFromTheChangelogKnowsTheCaseParties() {
        commitReferral(new CaseStateStore(changelog, reader), "case-2", UUID.randomUUID());

        CaseStateStore restored = storeThatGainedAllPartitions();

        assertThat(restored.openings("case-2", restored.changes()))
                .anyMatch(o -> o.isSharedBy("nav-bergenhus", "haukeland-tsb"));
    }

    @Test
    void changesOfAnAbortedTransactionAreNotRestored() {
        UUID id = UUID.randomUUID();
        StateChanges changes = new CaseStateStore(changelog, reader).changes();
        changes.accepted("case-3", id, "haukeland-tsb", 1L);
        owner.beginTransaction();
        changes.records().forEach(owner::send);
        owner.flush();
        owner.abortTransaction();

        CaseStateStore restored = storeThatGainedAllPartitions();

        assertThat(restored.senderOf("case-3", id, restored.changes())).isNull();
    }

    /* A former owner left a transaction open on the changelog when it was killed; the new owner waits until it
       ends (here the former owner, restarted with the same transactional id, aborts it) and only then reads. */
    @Test
    void catchUpWaitsForATransactionAFormerOwnerLeftOpen() throws Exception {
        UUID committed = UUID.randomUUID();
        commitReferral(new CaseStateStore(changelog, reader), "case-4", committed);
        StateChanges pending = new CaseStateStore(changelog, reader).changes();
        pending.accepted("case-4", UUID.randomUUID(), "haukeland-tsb", 1L);
        owner.beginTransaction();
        pending.records().forEach(owner::send);
        owner.flush();

        CompletableFuture<CaseStateStore> catchUp = CompletableFuture.supplyAsync(this::storeThatGainedAllPartitions);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> !catchUp.isDone());
        transactionalProducer(ownerId()).close(Duration.ofSeconds(5)); // the restarted former owner fences and aborts

        assertThat(catchUp.get(30, TimeUnit.SECONDS).acceptedCount()).isEqualTo(1);
    }

    @Test
    void expiredIdIsGoneAfterTheChangelogIsReadAgain() {
        UUID id = UUID.randomUUID();
        CaseStateStore writer = storeThatGainedAllPartitions();
        commitReferral(writer, "case-5", id);
        writer.requestExpiry(Instant.now().plusSeconds(1));
        StateChanges expiry = writer.changes();
        writer.expire(Set.of(0, 1), expiry);
        owner.beginTransaction();
        expiry.records().forEach(owner::send);
        owner.commitTransaction();

        CaseStateStore restored = storeThatGainedAllPartitions();

        assertThat(restored.senderOf("case-5", id, restored.changes())).isNull();
    }

    @Test
    void expiryLeavesTheCasePartiesInPlace() {
        CaseStateStore writer = storeThatGainedAllPartitions();
        commitReferral(writer, "case-6", UUID.randomUUID());
        writer.requestExpiry(Instant.now().plusSeconds(1));
        StateChanges expiry = writer.changes();
        writer.expire(Set.of(0, 1), expiry);
        writer.apply(expiry);

        assertThat(writer.openings("case-6", writer.changes())).hasSize(1);
    }

    /* A consumer that gains a partition keeps it paused until its state is restored: the partition is not ready
       at once, and ready with every id the changelog holds once the restorer has read it. */
    @Test
    void gainedPartitionIsNotReadyUntilItsStateIsRestored() {
        CaseStateStore writer = storeThatGainedAllPartitions();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            commitReferral(writer, "restored-" + i, id);
        }
        try (CaseStateStore gaining = new CaseStateStore(changelog, reader)) {
            List<TopicPartition> gained = List.of(new TopicPartition("ingress", 0), new TopicPartition("ingress", 1));

            gaining.assigned(0, gained);

            assertThat(gaining.notReady(gained)).isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> gaining.notReady(gained).isEmpty());
            assertThat(gaining.acceptedCount()).isEqualTo(200);
            assertThat(gaining.senderOf("restored-7", ids.get(7), gaining.changes())).isEqualTo("haukeland-tsb");
        }
    }

    /* The state of a partition that moved to another instance is dropped after the release delay, so a hub's heap
       holds only the partitions it owns. */
    @Test
    void stateOfAPartitionNoConsumerHoldsIsReleased() {
        commitReferral(new CaseStateStore(changelog, reader), "released-1", UUID.randomUUID());
        try (CaseStateStore store = new CaseStateStore(changelog, reader, Duration.ofMillis(200))) {
            List<TopicPartition> both = List.of(new TopicPartition("ingress", 0), new TopicPartition("ingress", 1));
            store.assigned(0, both);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.notReady(both).isEmpty());
            assertThat(store.caseCount()).isEqualTo(1);

            store.revoked(0, both);

            await().atMost(Duration.ofSeconds(10)).until(() -> store.partitionsInMemory().isEmpty());
            assertThat(store.caseCount()).isZero();
        }
    }

    @Test
    void partitionHandedBackAtOnceIsCaughtUpNotReleased() {
        commitReferral(new CaseStateStore(changelog, reader), "kept-1", UUID.randomUUID());
        try (CaseStateStore store = new CaseStateStore(changelog, reader, Duration.ofMillis(200))) {
            List<TopicPartition> both = List.of(new TopicPartition("ingress", 0), new TopicPartition("ingress", 1));
            store.assigned(0, both);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.notReady(both).isEmpty());

            store.revoked(0, both);
            store.assigned(0, both);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> store.notReady(both).isEmpty() && store.caseCount() == 1);
        }
    }

    /* A former owner's transaction that stays open longer than the reader waits: the catch-up fails (and is tried
       again later) rather than reading on without the transaction's records. */
    @Test
    void catchUpNeverReadsOnPastATransactionStillOpen() {
        Producer<byte[], byte[]> slow = transactionalProducer("slow-" + changelog.topic(), 120_000);
        try (ChangelogReader impatient = new ChangelogReader(new HubKafkaClients(kafka), "state-it-impatient",
                Duration.ZERO)) {
            StateChanges pending = new CaseStateStore(changelog, reader).changes();
            pending.accepted("open-1", UUID.randomUUID(), "haukeland-tsb", 1L);
            slow.beginTransaction();
            pending.records().forEach(slow::send);
            slow.flush();

            CaseStateStore store = new CaseStateStore(changelog, impatient);

            assertThatThrownBy(() -> store.ensureCurrent(Set.of(0, 1)))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
                    .hasMessageContaining("still has a transaction open");
            slow.abortTransaction();
        } finally {
            slow.close(Duration.ofSeconds(5));
        }
    }

    /* An accepted EPISODE_CLOSED closes a case; once the closed-case retention has passed, its parties are
       tombstoned and a new owner no longer knows them. */
    @Test
    void partiesOfACaseClosedLongerAgoThanTheRetentionAreForgotten() {
        CaseStateStore writer = storeThatGainedAllPartitions();
        commitReferral(writer, "closed-1", UUID.randomUUID());
        StateChanges closing = writer.changes();
        closing.closed("closed-1", writer.openings("closed-1", closing), Instant.now().minusSeconds(10).toEpochMilli());
        commit(writer, closing);
        writer.requestExpiry(Instant.EPOCH, Instant.now());
        StateChanges expiry = writer.changes();

        assertThat(writer.expire(Set.of(0, 1), expiry)).isEqualTo(1);
        commit(writer, expiry);

        assertThat(storeThatGainedAllPartitions().openings("closed-1", writer.changes())).isEmpty();
    }

    @Test
    void caseReferredAgainAfterItWasClosedIsNotExpired() {
        CaseStateStore writer = storeThatGainedAllPartitions();
        commitReferral(writer, "reopened-1", UUID.randomUUID());
        StateChanges closing = writer.changes();
        closing.closed("reopened-1", writer.openings("reopened-1", closing), Instant.now().minusSeconds(10).toEpochMilli());
        commit(writer, closing);
        StateChanges reopening = writer.changes();
        reopening.opened(new CaseOpening("reopened-1", "haukeland-tsb", "nav-bergenhus", UUID.randomUUID().toString()),
                writer.openings("reopened-1", reopening), writer.isClosed("reopened-1", reopening));
        commit(writer, reopening);
        writer.requestExpiry(Instant.EPOCH, Instant.now());

        assertThat(writer.expire(Set.of(0, 1), writer.changes())).isZero();
        assertThat(storeThatGainedAllPartitions().isClosed("reopened-1", writer.changes())).isFalse();
    }

    private void commit(CaseStateStore writer, StateChanges changes) {
        owner.beginTransaction();
        changes.records().forEach(owner::send);
        owner.commitTransaction();
        writer.apply(changes);
    }

    private String ownerId() {
        return "owner-" + changelog.topic();
    }
}
