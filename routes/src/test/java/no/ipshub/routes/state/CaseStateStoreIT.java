package no.ipshub.routes.state;

import static org.assertj.core.api.Assertions.assertThat;
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
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.support.EmbeddedKafkaTestConfiguration;
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
        reader = new ChangelogReader(kafka, "state-it", Duration.ofSeconds(5));
        owner = transactionalProducer("owner-" + topic);
    }

    @AfterEach
    void close() {
        owner.close(Duration.ofSeconds(5));
        reader.close();
    }

    private Producer<byte[], byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(kafka.commonProperties());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 5_000);
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

    private String ownerId() {
        return "owner-" + changelog.topic();
    }
}
