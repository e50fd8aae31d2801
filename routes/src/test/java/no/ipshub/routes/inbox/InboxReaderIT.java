package no.ipshub.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.inbox.InboxReader.InboxItem;
import no.ipshub.routes.inbox.InboxReader.InboxPage;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner's inbox as the HTTP edge reads it from the partner's inbox topic: pages that follow each other without
 * gaps or repeats across partitions, committed records only, and cursors of the earlier version that kept inboxes
 * in the database. Each test has its own inbox topic (three partitions) for a partner of its own.
 */
@RoutesIntegrationTest
class InboxReaderIT {

    @Autowired
    KafkaClientSettings kafka;
    @Autowired
    HubWireCodec codec;
    @Autowired
    HubTopics hubTopics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SupervisedLoops loops;

    private String partner;
    private HubTopics topics;
    private InboxReader reader;
    private Producer<byte[], byte[]> producer;

    @BeforeEach
    void createInbox() throws Exception {
        partner = "p" + UUID.randomUUID().toString().substring(0, 8);
        String run = "inbox-it-" + partner;
        topics = new HubTopics("r", "f", "o", "d", "c", "i.{partner}", run + ".{partner}", "s", "a", null, null, null);
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.createTopics(List.of(new NewTopic(topics.inboxFor(partner), 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        reader = new InboxReader(new HubKafkaClients(kafka), topics, codec, new LegacyInbox(jdbc), 2,
                Duration.ofSeconds(10), loops);
        Map<String, Object> config = new HashMap<>(kafka.commonProperties());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "inbox-it-" + partner);
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
        reader.close();
    }

    private HubMessage message() {
        return HubMessages.referral().caseId("inbox-" + UUID.randomUUID()).build();
    }

    /** Messages committed to the partner's inbox topic in one transaction, at the given partitions and times. */
    private List<HubMessage> deliver(int count, boolean commit) {
        List<HubMessage> messages = new ArrayList<>();
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            HubMessage m = message();
            messages.add(m);
            producer.send(new ProducerRecord<>(topics.inboxFor(partner), i % 3, 1_000_000L + i,
                    m.getCaseId().getBytes(StandardCharsets.UTF_8), codec.encode(hubTopics.referral(), m)));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
        // the transaction's markers reach the partitions a moment after the commit returns
        await().atMost(Duration.ofSeconds(10)).until(() -> kafkaSeesEverything());
        return messages;
    }

    /** True when no transaction is pending on the partner's inbox topic (read_committed sees all there is). */
    private boolean kafkaSeesEverything() throws Exception {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(topics.inboxFor(partner), p), OffsetSpec.latest());
            }
            var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(10, TimeUnit.SECONDS);
            var high = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return latest.keySet().stream().allMatch(tp -> stable.get(tp).offset() == high.get(tp).offset());
        }
    }

    private static List<String> ids(List<InboxItem> items) {
        return items.stream().map(i -> i.message().getMessageId()).toList();
    }

    /** Every page from {@code cursor} on, {@code limit} at a time. */
    private List<InboxItem> readAll(InboxCursor cursor, int limit) {
        List<InboxItem> all = new ArrayList<>();
        while (true) {
            InboxPage page = reader.read(partner, cursor, limit);
            if (page.items().isEmpty()) {
                return all;
            }
            all.addAll(page.items());
            cursor = InboxCursor.parse(page.nextCursor());
        }
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsAcrossPartitions() {
        List<HubMessage> sent = deliver(25, true);

        assertThat(ids(readAll(InboxCursor.start(), 7))).containsExactlyElementsOf(ids(sent, sent));
    }

    @Test
    void messagesComeOldestFirstWhateverTheirPartition() {
        List<HubMessage> sent = deliver(9, true);

        assertThat(ids(reader.read(partner, InboxCursor.start(), 100).items())).containsExactlyElementsOf(ids(sent, sent));
    }

    @Test
    void eachMessagesCursorResumesRightAfterIt() {
        List<HubMessage> sent = deliver(6, true);
        InboxItem third = reader.read(partner, InboxCursor.start(), 100).items().get(2);

        assertThat(ids(readAll(InboxCursor.parse(third.cursor()), 100)))
                .containsExactlyElementsOf(ids(sent, sent).subList(3, 6));
    }

    @Test
    void pageAfterTheLastMessageIsEmptyAndKeepsItsCursor() {
        deliver(4, true);
        InboxPage first = reader.read(partner, InboxCursor.start(), 100);

        InboxPage next = reader.read(partner, InboxCursor.parse(first.nextCursor()), 100);

        assertThat(next.items()).isEmpty();
        assertThat(next.nextCursor()).isEqualTo(first.nextCursor());
    }

    @Test
    void messagesOfAnAbortedTransactionAreNotInTheInbox() {
        deliver(3, false);
        List<HubMessage> committed = deliver(2, true);

        assertThat(ids(readAll(InboxCursor.start(), 100))).containsExactlyElementsOf(ids(committed, committed));
    }

    /* The earlier version kept the partner's inbox in rows (seq 1..3 here, also on the topic, as it wrote both);
       this version recorded where the topic ended then, and has delivered two messages since. A cursor of the
       earlier version at the first row gets rows 2 and 3, then the two new messages, and nothing twice. */
    @Test
    void cursorOfTheEarlierVersionReadsTheRemainingRowsThenTheTopicAfterTheHandover() {
        List<HubMessage> old = deliver(3, true);
        List<Long> seqs = new ArrayList<>();
        for (HubMessage m : old) {
            jdbc.update("INSERT INTO inbox_message (recipient, message_id, case_id, sender, wire_bytes, source_topic,"
                    + " source_partition, source_offset, created_at) VALUES (?, ?, ?, ?, ?, 'ips.referral-v1', 0, 0, ?)",
                    partner, m.getMessageId(), m.getCaseId(), m.getSender(), codec.encode(hubTopics.referral(), m),
                    OffsetDateTime.now(ZoneOffset.UTC));
            seqs.add(jdbc.queryForObject("SELECT seq FROM inbox_message WHERE message_id = ?", Long.class, m.getMessageId()));
        }
        Map<Integer, Long> ends = new HashMap<>();
        InboxCursor.parse(reader.read(partner, InboxCursor.start(), 100).nextCursor()).offsets().forEach(ends::put);
        new LegacyInbox(jdbc).recordHandover(partner, ends);
        List<HubMessage> fresh = deliver(2, true);

        List<InboxItem> read = readAll(InboxCursor.parse(Long.toString(seqs.get(0))), 100);

        assertThat(ids(read)).containsExactly(old.get(1).getMessageId(), old.get(2).getMessageId(),
                fresh.get(0).getMessageId(), fresh.get(1).getMessageId());
    }

    /* The earlier version's handover names an offset partition 0 of the inbox topic never reached (the topic was made
       again since). The partner's cursor of that version reads its row, then every partition, 0 from its beginning:
       nothing is skipped, and the partner is not refused for the hub's own record. */
    @Test
    void handoverThatDoesNotFitTheTopicReadsThosePartitionsFromTheirBeginning() {
        HubMessage old = message();
        jdbc.update("INSERT INTO inbox_message (recipient, message_id, case_id, sender, wire_bytes, source_topic,"
                + " source_partition, source_offset, created_at) VALUES (?, ?, ?, ?, ?, 'ips.referral-v1', 0, 0, ?)",
                partner, old.getMessageId(), old.getCaseId(), old.getSender(), codec.encode(hubTopics.referral(), old),
                OffsetDateTime.now(ZoneOffset.UTC));
        new LegacyInbox(jdbc).recordHandover(partner, Map.of(0, 1_000L, 1, 0L, 2, 0L));
        List<HubMessage> fresh = deliver(3, true);

        List<InboxItem> read = readAll(InboxCursor.parse("0"), 100);

        assertThat(ids(read)).containsExactly(old.getMessageId(), fresh.get(0).getMessageId(),
                fresh.get(1).getMessageId(), fresh.get(2).getMessageId());
    }

    private void deleteBefore(int partition, long offset) throws Exception {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.deleteRecords(Map.of(new TopicPartition(topics.inboxFor(partner), partition),
                    RecordsToDelete.beforeOffset(offset))).all().get(10, TimeUnit.SECONDS);
        }
    }

    /* Two messages on each partition; the partner has read the first of partitions 0 and 1. Retention then deletes
       the unread first message of partition 2. The cursor is expired, and the earliest valid one moves partition 2
       alone forward: it reads the three messages still held, nothing twice. */
    @Test
    void cursorWhoseUnreadMessagesWereDeletedIsExpiredAndNamesTheEarliestValidCursor() throws Exception {
        List<HubMessage> sent = deliver(6, true);
        InboxCursor read = InboxCursor.parse(reader.read(partner, InboxCursor.start(), 2).nextCursor());
        deleteBefore(2, 1);

        ExpiredInboxCursorException expired = catchThrowableOfType(ExpiredInboxCursorException.class,
                () -> reader.read(partner, read, 100));

        assertThat(expired).isNotNull();
        assertThat(ids(readAll(expired.earliest(), 100)))
                .containsExactlyElementsOf(ids(sent, sent).subList(3, 6));
    }

    /* Every committed transaction ends with a marker after its messages. A partner that has read everything holds
       a cursor past the markers, so retention deleting what it has read (markers included) expires nothing. */
    @Test
    void cursorOfAPartnerThatReadEverythingOutlivesTheRetentionOfWhatItRead() throws Exception {
        deliver(3, true);
        InboxCursor read = InboxCursor.parse(reader.read(partner, InboxCursor.start(), 100).nextCursor());
        for (int p = 0; p < 3; p++) {
            deleteBefore(p, 2);
        }
        List<HubMessage> fresh = deliver(3, true);

        assertThat(ids(readAll(read, 100))).containsExactlyElementsOf(ids(fresh, fresh));
    }

    @Test
    void cursorNamingAPartitionTheInboxDoesNotHaveIsInvalid() {
        assertThatThrownBy(() -> reader.read(partner, InboxCursor.at(Map.of(0, 0L, 5, 0L)), 10))
                .isInstanceOf(InvalidInboxCursorException.class);
    }

    @Test
    void cursorPastTheEndOfAPartitionIsInvalid() {
        deliver(3, true);

        assertThatThrownBy(() -> reader.read(partner, InboxCursor.at(Map.of(1, 1_000L)), 10))
                .isInstanceOf(InvalidInboxCursorException.class);
    }

    /** The ids in the order the reader must hand them out: by time, and these were written one by one in time. */
    private static List<String> ids(List<HubMessage> sent, List<HubMessage> unused) {
        return sent.stream().map(HubMessage::getMessageId).toList();
    }
}
