package no.ipshub.routes.migration;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.config.IdempotencyProperties;
import no.ipshub.routes.inbox.LegacyInbox;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/*
 * The previous version stopped with a backlog on its three canonical topics of six partitions each, eight messages
 * per partition, all accepted (in processed_message). On partitions 0 and 3 its delivery group had committed
 * offset 3 (the first three delivered: in the inbox rows and on the inbox topic); on 1 and 4 it had delivered
 * the first two but committed nothing; on 2 and 5 it had delivered and committed nothing. Expected, however
 * the instances of the new version start: every message on its recipient's inbox topic exactly once, and only
 * ids of messages that are there marked accepted in the intake's state.
 * Each test has topics and a database of its own; subclasses say which database.
 */
@RoutesIntegrationTest
abstract class PreviousVersionBacklogContract {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 8;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    KafkaClientSettings kafka;
    @Autowired
    HubWireCodec codec;
    @Autowired
    HubTopics hubTopics;

    private DataSource database;
    private JdbcTemplate jdbc;
    private HubTopics topics;
    private KafkaTestClient client;
    private KafkaProducer<byte[], byte[]> previousVersion;
    private final List<HubMessage> backlog = new ArrayList<>();
    private final Map<HubMessage, TopicPartition> origin = new HashMap<>();
    private final ExecutorService instances = Executors.newFixedThreadPool(2);

    /** A fresh database with the hub's tables, shared by the instances of a test. */
    abstract DataSource freshDatabase();

    @BeforeEach
    void previousVersionLeftABacklog() throws Exception {
        database = freshDatabase();
        jdbc = new JdbcTemplate(database);
        String run = "upg-" + UUID.randomUUID().toString().substring(0, 8);
        topics = new HubTopics(run + ".referral", run + ".followup", run + ".outcome", run + ".dead", "c", "i.{partner}",
                run + ".inbox.{partner}", run + ".state", "a", null, null);
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            List<NewTopic> created = new ArrayList<>();
            topics.canonicalTopics().forEach(t -> created.add(new NewTopic(t, PARTITIONS, (short) 1)));
            created.add(new NewTopic(topics.inboxFor(TEAM), 3, (short) 1));
            created.add(new NewTopic(topics.inboxFor(NAV_OFFICE), 3, (short) 1));
            created.add(new NewTopic(topics.intakeState(), 2, (short) 1));
            admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        }
        client = new KafkaTestClient(kafka);
        previousVersion = new KafkaProducer<>(kafka.commonProperties(), new ByteArraySerializer(),
                new ByteArraySerializer());
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        for (String topic : topics.canonicalTopics()) {
            for (int p = 0; p < PARTITIONS; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                int delivered = switch (p % 3) {
                    case 0 -> 3;
                    case 1 -> 2;
                    default -> 0;
                };
                for (int i = 0; i < PER_PARTITION; i++) {
                    HubMessage m = message(topic, i);
                    previousVersionAccepted(tp, m, i < delivered);
                }
                if (p % 3 == 0) {
                    committed.put(tp, new OffsetAndMetadata(delivered));
                }
            }
        }
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.alterConsumerGroupOffsets(PreviousVersionMigration.PREVIOUS_DELIVERY_GROUP, committed).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void close() {
        instances.shutdownNow();
        previousVersion.close(Duration.ofSeconds(5));
        client.close();
    }

    private HubMessage message(String topic, int i) {
        String caseId = "upgraded-" + UUID.randomUUID();
        if (topic.equals(topics.referral())) {
            return HubMessages.referral().caseId(caseId).build();
        }
        if (topic.equals(topics.followUp())) {
            return HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(caseId)
                    .sender(i % 2 == 0 ? NAV_OFFICE : TEAM).recipient(i % 2 == 0 ? TEAM : NAV_OFFICE).build();
        }
        return HubMessages.outcome(OutcomeKind.EPISODE_CLOSED).caseId(caseId).build();
    }

    /** What the previous version left of an accepted message: its record, its id, its inbox row if delivered. */
    private void previousVersionAccepted(TopicPartition tp, HubMessage m, boolean delivered) {
        byte[] key = m.getCaseId().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = codec.encode(canonicalOf(tp.topic()), m);
        long offset = sendTo(tp, key, bytes);
        backlog.add(m);
        origin.put(m, tp);
        jdbc.update("INSERT INTO processed_message (message_id, sender, case_id, canonical_topic, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)", m.getMessageId(), m.getSender(), m.getCaseId(), tp.topic(),
                at(NOW.minusSeconds(3_600)));
        if (delivered) {
            client.send(topics.inboxFor(m.getRecipient()), key, bytes);
            jdbc.update("INSERT INTO inbox_message (recipient, message_id, case_id, sender, wire_bytes, source_topic,"
                    + " source_partition, source_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    m.getRecipient(), m.getMessageId(), m.getCaseId(), m.getSender(), bytes, tp.topic(), tp.partition(),
                    offset, at(NOW));
        }
    }

    private long sendTo(TopicPartition tp, byte[] key, byte[] value) {
        try {
            return previousVersion.send(new ProducerRecord<>(tp.topic(), tp.partition(), key, value))
                    .get(30, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String canonicalOf(String runTopic) {
        if (runTopic.equals(topics.referral())) {
            return hubTopics.referral();
        }
        return runTopic.equals(topics.followUp()) ? hubTopics.followUp() : hubTopics.outcome();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private PreviousVersionMigration instance(String id, BacklogProgress progress) {
        JdbcTemplate own = new JdbcTemplate(database);
        return new PreviousVersionMigration(own, new HubKafkaClients(kafka), topics, codec,
                new StateChangelog(topics.intakeState(), 2),
                new LegacyInbox(own), new IdempotencyProperties(Duration.ofDays(30), Duration.ofHours(1),
                Duration.ofMinutes(1)), new InstanceIdentity(id), Clock.fixed(NOW, ZoneOffset.UTC), progress);
    }

    private PreviousVersionMigration instance(String id) {
        return instance(id, (tp, delivered, next) -> {
        });
    }

    /** Starts the migrations on threads of their own at the same moment, as instances started together do. */
    private List<Future<Void>> startTogether(PreviousVersionMigration... migrations) {
        CyclicBarrier start = new CyclicBarrier(migrations.length);
        List<Future<Void>> running = new ArrayList<>();
        for (PreviousVersionMigration migration : migrations) {
            running.add(instances.submit(() -> {
                start.await();
                migration.afterPropertiesSet();
                return null;
            }));
        }
        return running;
    }

    private static void awaitAll(List<Future<Void>> running) throws Exception {
        for (Future<Void> f : running) {
            f.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The message ids on both inbox topics, as often as they are there (committed records only). */
    private List<String> idsOnInboxTopics() {
        List<String> ids = new ArrayList<>();
        for (String recipient : List.of(TEAM, NAV_OFFICE)) {
            int expected = (int) backlog.stream().filter(m -> m.getRecipient().equals(recipient)).count();
            client.findAll(topics.inboxFor(recipient), r -> true, expected, Duration.ofSeconds(20))
                    .forEach(r -> ids.add(codec.decodeMessage(r.value()).getMessageId()));
        }
        return ids;
    }

    /** The message ids the migration marked accepted on the intake's state changelog. */
    private Set<String> acceptedIds() {
        return client.findAll(topics.intakeState(), r -> new String(r.key(), StandardCharsets.UTF_8).startsWith("a|"),
                        backlog.size(), Duration.ofSeconds(20)).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .map(key -> key.substring(key.lastIndexOf('|') + 1))
                .collect(Collectors.toSet());
    }

    private List<String> backlogIds() {
        return backlog.stream().map(HubMessage::getMessageId).toList();
    }

    @Test
    void twoInstancesStartedTogetherPutEveryBacklogMessageOnItsInboxTopicOnce() throws Exception {
        awaitAll(startTogether(instance("hub-a"), instance("hub-b")));

        assertThat(idsOnInboxTopics()).containsExactlyInAnyOrderElementsOf(backlogIds());
    }

    @Test
    void onlyIdsOfMessagesOnTheirInboxTopicAreMarkedAccepted() throws Exception {
        awaitAll(startTogether(instance("hub-a"), instance("hub-b")));

        assertThat(acceptedIds()).isNotEmpty().isSubsetOf(idsOnInboxTopics());
    }

    /* While one instance migrates (held after its first partition), an instance started next to it must not go on
     * to start its routes: it returns only once the migration is done. */
    @Test
    void anInstanceStartedDuringTheMigrationWaitsUntilItIsDone() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        List<Future<Void>> first = startTogether(instance("hub-a", (tp, delivered, next) -> {
            holding.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<Future<Void>> second = startTogether(instance("hub-b"));
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !second.get(0).isDone());
        } finally {
            hold.countDown();
            awaitAll(first);
            awaitAll(second);
        }
    }

    @Test
    void aMigrationThatFailedAfterAFewPartitionsResumesWithoutLossOrDuplicates() throws Exception {
        AtomicInteger partitions = new AtomicInteger();
        PreviousVersionMigration failing = instance("hub-a", (tp, delivered, next) -> {
            if (partitions.incrementAndGet() == 3) {
                throw new IllegalStateException("stopped after three partitions");
            }
        });
        assertThatThrownBy(failing::afterPropertiesSet).hasMessage("stopped after three partitions");

        instance("hub-b").afterPropertiesSet();

        assertThat(idsOnInboxTopics()).containsExactlyInAnyOrderElementsOf(backlogIds());
    }

    /* A migration killed halfway leaves its transaction open: copies of messages on an inbox topic and the delivery
     * group's offsets past them, neither committed nor aborted. The next run must abort it at once (not wait for its
     * timeout of five minutes) and deliver those messages itself. */
    @Test
    void aTransactionLeftOpenByAKilledMigrationIsAbortedAndItsMessagesDeliveredOnce() throws Exception {
        killedHalfwayThrough(new TopicPartition(topics.referral(), 2));

        awaitAll(startTogether(instance("hub-b")));

        assertThat(idsOnInboxTopics()).containsExactlyInAnyOrderElementsOf(backlogIds());
    }

    @Test
    void aRestartAfterTheMigrationDeliversNothingTheNewVersionWroteSince() throws Exception {
        instance("hub-a").afterPropertiesSet();
        HubMessage later = HubMessages.referral().caseId("after-" + UUID.randomUUID()).build();
        byte[] key = later.getCaseId().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = codec.encode(hubTopics.referral(), later);
        sendTo(new TopicPartition(topics.referral(), 0), key, bytes);
        client.send(topics.inboxFor(later.getRecipient()), key, bytes);
        backlog.add(later);

        instance("hub-a").afterPropertiesSet();

        assertThat(idsOnInboxTopics()).containsExactlyInAnyOrderElementsOf(backlogIds());
    }

    /** What a migration killed in its transaction on {@code tp} leaves behind: the transaction, open. */
    private void killedHalfwayThrough(TopicPartition tp) throws Exception {
        Map<String, Object> config = kafka.commonProperties();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, PreviousVersionMigration.TRANSACTIONAL_ID);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        KafkaProducer<byte[], byte[]> killed = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer());
        killed.initTransactions();
        killed.beginTransaction();
        for (HubMessage m : backlog) {
            if (origin.get(m).equals(tp)) {
                killed.send(new ProducerRecord<>(topics.inboxFor(m.getRecipient()),
                        m.getCaseId().getBytes(StandardCharsets.UTF_8), codec.encode(hubTopics.referral(), m)));
            }
        }
        killed.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(PER_PARTITION)),
                new ConsumerGroupMetadata(PreviousVersionMigration.PREVIOUS_DELIVERY_GROUP));
        killed.flush();
        killed.close(Duration.ZERO);
    }
}
