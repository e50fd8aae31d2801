package no.ipshub.routes.migration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.CaseOpening;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.config.IdempotencyProperties;
import no.ipshub.routes.inbox.LegacyInbox;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the data of the previous hub version, which kept its decisions in database tables, onto the new path,
 * once per installation, at start-up, before any route runs:
 *
 * <ol>
 *   <li>each partner's inbox rows ({@code inbox_message}, kept read-only for cursors of that time) get a handover:
 *       the inbox topic's end offsets now, where those cursors continue;</li>
 *   <li>messages the previous version accepted but had not yet delivered (the backlog of its inbox-delivery
 *       consumer group on every partition of the canonical topics, from the beginning where that group committed
 *       nothing) are delivered to their inbox topics, unless already in the partner's inbox rows, partition by
 *       partition, each chunk in one transaction with that group's offset past it;</li>
 *   <li>accepted message ids within the idempotency retention ({@code processed_message}) and case parties
 *       ({@code case_party}) are written to the intake's state changelog, then deleted from the tables.</li>
 * </ol>
 *
 * <p>Of the instances sharing the database, one runs it while the others wait (the {@code upgrade_step} row lock,
 * {@link UpgradeStepLock}); they start once it is done, and it never runs again. All instances write with one
 * transactional id, so a run fences whatever an earlier one (killed, or cut off from the database) still has open.
 * A run that stops halfway is resumed at the next start: the delivery group's committed offsets say where each
 * partition's backlog continues, and the state is written again as it stands in the tables.
 */
public class PreviousVersionMigration implements InitializingBean {

    /** The previous version's inbox-delivery consumer group. */
    public static final String PREVIOUS_DELIVERY_GROUP = "ips-hub-delivery";
    /** The transactional id of the migration's producer on every instance. */
    public static final String TRANSACTIONAL_ID = "ips-hub-migration";
    static final String STEP = "previous-version";
    private static final Logger log = LoggerFactory.getLogger(PreviousVersionMigration.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LOCK_WAIT = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int BACKLOG_CHUNK = 500;
    private static final int STATE_CHUNK = 5_000;

    private final JdbcTemplate jdbc;
    private final HubKafkaClients kafka;
    private final HubTopics topics;
    private final HubWireCodec codec;
    private final StateChangelog changelog;
    private final LegacyInbox legacyInbox;
    private final IdempotencyProperties idempotency;
    private final InstanceIdentity instance;
    private final Clock clock;
    private final BacklogProgress progress;
    private final TransactionTemplate databaseTransaction;

    public PreviousVersionMigration(JdbcTemplate jdbc, HubKafkaClients kafka, HubTopics topics, HubWireCodec codec,
            StateChangelog changelog, LegacyInbox legacyInbox, IdempotencyProperties idempotency,
            InstanceIdentity instance, Clock clock) {
        this(jdbc, kafka, topics, codec, changelog, legacyInbox, idempotency, instance, clock,
                (partition, delivered, next) -> log.info("Delivered {} messages of the previous version's backlog on {}"
                        + " (its delivery group now at {})", delivered, partition, next));
    }

    PreviousVersionMigration(JdbcTemplate jdbc, HubKafkaClients kafka, HubTopics topics, HubWireCodec codec,
            StateChangelog changelog, LegacyInbox legacyInbox, IdempotencyProperties idempotency,
            InstanceIdentity instance, Clock clock, BacklogProgress progress) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
        this.changelog = changelog;
        this.legacyInbox = legacyInbox;
        this.idempotency = idempotency;
        this.instance = instance;
        this.clock = clock;
        this.progress = progress;
        this.databaseTransaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        try (UpgradeStepLock lock = UpgradeStepLock.acquire(jdbc.getDataSource(), STEP, LOCK_WAIT)) {
            if (lock.done()) {
                return;
            }
            migrate();
            lock.complete(clock.instant());
        }
    }

    private void migrate() throws Exception {
        try (Admin admin = kafka.admin("ips-hub-migration-admin-" + instance.id(), Map.of())) {
            boolean stateRows = hasRows("processed_message") || hasRows("case_party");
            if (!stateRows && !hasRows("inbox_message") && previousGroupOffsets(admin, false).isEmpty()) {
                log.info("No data of a previous version to move");
                return;
            }
            try (Producer<byte[], byte[]> producer = transactionalProducer()) {
                // first: aborts what an earlier run left open, before its offsets or inbox end offsets are read
                producer.initTransactions();
                recordInboxHandovers(admin);
                deliverBacklog(admin, producer, previousGroupOffsets(admin, true));
                if (stateRows) {
                    moveStateToChangelog(producer);
                }
            }
        }
    }

    private void recordInboxHandovers(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (String recipient : legacyInbox.recipientsWithoutHandover()) {
            String topic = topics.inboxFor(recipient);
            if (!existing.contains(topic)) {
                log.warn("Inbox rows of {} are kept, but its inbox topic {} does not exist (no longer a partner?)",
                        recipient, topic);
                continue;
            }
            Map<Integer, Long> offsets = new HashMap<>();
            endOffsets(admin, partitionsOf(admin, List.of(topic)), IsolationLevel.READ_UNCOMMITTED)
                    .forEach((tp, end) -> offsets.put(tp.partition(), end));
            // all partitions or none: a recipient with a handover is not looked at again
            databaseTransaction.executeWithoutResult(status -> legacyInbox.recordHandover(recipient, offsets));
            log.info("Inbox of {} continues on {} after the rows of the previous version at {}", recipient, topic, offsets);
        }
    }

    /**
     * The previous delivery group's committed offsets on the canonical topics; {@code stable}: after any transaction
     * that holds offsets of the group has ended.
     */
    private Map<TopicPartition, Long> previousGroupOffsets(Admin admin, boolean stable) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(PREVIOUS_DELIVERY_GROUP,
                        new ListConsumerGroupOffsetsOptions().requireStable(stable))
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null && topics.canonicalTopics().contains(tp.topic())) {
                offsets.put(tp, offset.offset());
            }
        });
        return offsets;
    }

    private void deliverBacklog(Admin admin, Producer<byte[], byte[]> producer, Map<TopicPartition, Long> committed)
            throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> canonical = topics.canonicalTopics().stream().filter(existing::contains).toList();
        List<TopicPartition> partitions = partitionsOf(admin, canonical);
        Map<TopicPartition, Long> ends = endOffsets(admin, partitions, IsolationLevel.READ_COMMITTED);
        int delivered = 0;
        try (KafkaConsumer<byte[], byte[]> reader = reader()) {
            for (TopicPartition tp : partitions) {
                Long from = committed.get(tp);
                long end = ends.get(tp);
                if (from == null || from < end) {
                    delivered += deliverPartition(reader, producer, tp, from, end);
                }
            }
        }
        log.info("Delivered the previous version's backlog on {} canonical partitions: {} messages to their inbox"
                + " topics", partitions.size(), delivered);
    }

    /** Delivers one partition's backlog from {@code from} (its beginning when null) to {@code end}. */
    private int deliverPartition(KafkaConsumer<byte[], byte[]> reader, Producer<byte[], byte[]> producer,
            TopicPartition tp, Long from, long end) {
        reader.assign(List.of(tp));
        if (from == null) {
            reader.seekToBeginning(List.of(tp));
        } else {
            reader.seek(tp, from);
        }
        long position = reader.position(tp, TIMEOUT);
        if (position >= end) {
            return 0;
        }
        long stalledSince = System.nanoTime();
        int delivered = 0;
        while (position < end) {
            List<ProducerRecord<byte[], byte[]>> chunk = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL).records(tp)) {
                inboxRecordOf(record, chunk);
            }
            long next = reader.position(tp, TIMEOUT);
            if (next == position) {
                if (System.nanoTime() - stalledSince > TIMEOUT.toNanos()) {
                    throw new IllegalStateException("Reading the previous version's backlog on " + tp + " made no"
                            + " progress at offset " + position + " (end " + end + ") for " + TIMEOUT);
                }
                continue;
            }
            commit(producer, chunk, tp, next);
            delivered += chunk.size();
            position = next;
            stalledSince = System.nanoTime();
        }
        progress.partitionDelivered(tp, delivered, position);
        return delivered;
    }

    /** Adds the record's inbox copy to {@code chunk}, unless the previous version delivered it to the inbox rows. */
    private void inboxRecordOf(ConsumerRecord<byte[], byte[]> record, List<ProducerRecord<byte[], byte[]>> chunk) {
        HubMessage m;
        try {
            m = codec.decodeMessage(record.value());
        } catch (RuntimeException e) {
            throw new IllegalStateException("The previous version's record " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " cannot be read; the upgrade stops here", e);
        }
        if (legacyInbox.contains(m.getRecipient(), m.getMessageId())) {
            return;
        }
        ProducerRecord<byte[], byte[]> inbox = new ProducerRecord<>(topics.inboxFor(m.getRecipient()), record.key(),
                record.value());
        inbox.headers().add(HubHeaders.MESSAGE_ID, m.getMessageId().getBytes(StandardCharsets.UTF_8));
        chunk.add(inbox);
    }

    /**
     * The inbox copies and the delivery group's offset past them, in one transaction. The group is named without a
     * generation: its members (the previous version) are gone, and the transactional id fences other writers.
     */
    private void commit(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records,
            TopicPartition tp, long next) {
        producer.beginTransaction();
        try {
            records.forEach(producer::send);
            producer.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(next)),
                    new ConsumerGroupMetadata(PREVIOUS_DELIVERY_GROUP));
            producer.commitTransaction();
        } catch (RuntimeException e) {
            abort(producer, e);
            throw e;
        }
    }

    private void moveStateToChangelog(Producer<byte[], byte[]> producer) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(idempotency.retention()), ZoneOffset.UTC);
        int ids = 0;
        String after = "";
        List<AcceptedId> page;
        while (!(page = acceptedIdsAfter(after, cutoff)).isEmpty()) {
            send(producer, page.stream().map(a -> changelog.acceptedRecord(a.caseId(), UUID.fromString(a.messageId()),
                    a.sender(), a.at().toInstant().toEpochMilli())).toList());
            ids += page.size();
            after = page.get(page.size() - 1).messageId();
        }
        int cases = 0;
        String afterCase = "";
        List<String> caseIds;
        while (!(caseIds = casesWithPartiesAfter(afterCase)).isEmpty()) {
            String upTo = caseIds.get(caseIds.size() - 1);
            send(producer, partiesOf(afterCase, upTo).entrySet().stream()
                    .map(e -> changelog.partiesRecord(e.getKey(), e.getValue())).toList());
            cases += caseIds.size();
            afterCase = upTo;
        }
        // written again, the same records, if a start stops before this
        jdbc.update("DELETE FROM processed_message");
        jdbc.update("DELETE FROM case_party");
        log.info("Moved the previous version's state to {}: {} cases' parties and {} accepted message ids",
                changelog.topic(), cases, ids);
    }

    /** A row of {@code processed_message}. */
    private record AcceptedId(String messageId, String sender, String caseId, OffsetDateTime at) {
    }

    private List<AcceptedId> acceptedIdsAfter(String messageId, OffsetDateTime cutoff) {
        return jdbc.query("SELECT message_id, sender, case_id, recorded_at FROM processed_message"
                + " WHERE recorded_at >= ? AND message_id > ? ORDER BY message_id FETCH FIRST " + STATE_CHUNK
                + " ROWS ONLY", (rs, n) -> new AcceptedId(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class)), cutoff, messageId);
    }

    private List<String> casesWithPartiesAfter(String caseId) {
        return jdbc.queryForList("SELECT DISTINCT case_id FROM case_party WHERE case_id > ? ORDER BY case_id"
                + " FETCH FIRST " + STATE_CHUNK + " ROWS ONLY", String.class, caseId);
    }

    /** The openings of the cases after {@code after} up to {@code upTo}, by case, in the order they were made. */
    private Map<String, List<CaseOpening>> partiesOf(String after, String upTo) {
        Map<String, List<CaseOpening>> openings = new LinkedHashMap<>();
        jdbc.query("SELECT case_id, team, nav_office, opened_by_message_id FROM case_party WHERE case_id > ?"
                + " AND case_id <= ? ORDER BY case_id, opened_at, team", rs -> {
                    CaseOpening o = new CaseOpening(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    openings.computeIfAbsent(o.caseId(), k -> new ArrayList<>()).add(o);
                }, after, upTo);
        return openings;
    }

    private static void send(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
        producer.beginTransaction();
        try {
            records.forEach(producer::send);
            producer.commitTransaction();
        } catch (RuntimeException e) {
            abort(producer, e);
            throw e;
        }
    }

    private static void abort(Producer<byte[], byte[]> producer, RuntimeException failure) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            // fenced or closed: the next run's initTransactions aborts it
            failure.addSuppressed(e);
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin, List<String> topicNames) throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(topicNames).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.forEach((topic, d) -> d.partitions().forEach(p -> partitions.add(new TopicPartition(topic,
                p.partition()))));
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return partitions;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions,
            IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private boolean hasRows(String table) {
        return !jdbc.queryForList("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
    }

    private Producer<byte[], byte[]> transactionalProducer() {
        return kafka.transactionalProducer("ips-hub-migration-" + instance.id(), TRANSACTIONAL_ID, Map.of());
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        return kafka.consumer("ips-hub-migration-" + instance.id(), Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BACKLOG_CHUNK));
    }
}
