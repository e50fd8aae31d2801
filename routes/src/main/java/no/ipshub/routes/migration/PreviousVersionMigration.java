package no.ipshub.routes.migration;

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
import java.util.concurrent.TimeUnit;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.config.IdempotencyProperties;
import no.ipshub.routes.config.InstanceIdentity;
import no.ipshub.routes.inbox.LegacyInbox;
import no.ipshub.routes.kafka.HubHeaders;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.state.CaseOpening;
import no.ipshub.routes.state.StateChangelog;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves the data of the previous hub version, which kept its decisions in database tables, onto the new path,
 * once, at start-up, before any route runs (and again, harmlessly, if a start is interrupted halfway):
 *
 * <ol>
 *   <li>each partner's inbox rows ({@code inbox_message}, kept read-only for cursors of that time) get a handover:
 *       the inbox topic's end offsets now, where those cursors continue;</li>
 *   <li>messages the previous version accepted but had not yet delivered (the backlog of its inbox-delivery
 *       consumer group on the canonical topics) are delivered to their inbox topics, in one transaction with
 *       that group's offsets, unless already in the partner's inbox rows;</li>
 *   <li>accepted message ids within the idempotency retention ({@code processed_message}) and case parties
 *       ({@code case_party}) are written to the intake's state changelog, then deleted from the tables.</li>
 * </ol>
 */
public class PreviousVersionMigration implements InitializingBean {

    /** The previous version's inbox-delivery consumer group. */
    public static final String PREVIOUS_DELIVERY_GROUP = "ips-hub-delivery";
    private static final Logger log = LoggerFactory.getLogger(PreviousVersionMigration.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int CHUNK = 5_000;

    private final JdbcTemplate jdbc;
    private final KafkaClientSettings kafka;
    private final HubTopics topics;
    private final HubWireCodec codec;
    private final StateChangelog changelog;
    private final LegacyInbox legacyInbox;
    private final IdempotencyProperties idempotency;
    private final InstanceIdentity instance;
    private final Clock clock;

    public PreviousVersionMigration(JdbcTemplate jdbc, KafkaClientSettings kafka, HubTopics topics, HubWireCodec codec,
            StateChangelog changelog, LegacyInbox legacyInbox, IdempotencyProperties idempotency,
            InstanceIdentity instance, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
        this.changelog = changelog;
        this.legacyInbox = legacyInbox;
        this.idempotency = idempotency;
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            recordInboxHandovers(admin);
            Map<TopicPartition, Long> backlogFrom = deliveryBacklog(admin);
            boolean stateRows = hasRows("processed_message") || hasRows("case_party");
            if (backlogFrom.isEmpty() && !stateRows) {
                return;
            }
            try (Producer<byte[], byte[]> producer = transactionalProducer()) {
                producer.initTransactions();
                if (!backlogFrom.isEmpty()) {
                    drainDeliveryBacklog(admin, producer, backlogFrom);
                }
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
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
            legacyInbox.recordHandover(recipient, offsets);
            log.info("Inbox of {} continues on {} after the rows of the previous version at {}", recipient, topic, offsets);
        }
    }

    /** Where the previous delivery group stopped on each canonical partition it had not finished. */
    private Map<TopicPartition, Long> deliveryBacklog(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(PREVIOUS_DELIVERY_GROUP)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (committed == null || committed.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(
                IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<TopicPartition, Long> backlog = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null && ends.get(tp).offset() > offset.offset()) {
                backlog.put(tp, offset.offset());
            }
        });
        return backlog;
    }

    private void drainDeliveryBacklog(Admin admin, Producer<byte[], byte[]> producer,
            Map<TopicPartition, Long> backlogFrom) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        backlogFrom.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        int delivered = 0;
        int alreadyInInbox = 0;
        producer.beginTransaction();
        try (KafkaConsumer<byte[], byte[]> reader = reader()) {
            reader.assign(backlogFrom.keySet());
            backlogFrom.forEach(reader::seek);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (TopicPartition tp : backlogFrom.keySet()) {
                long end = ends.get(tp).offset();
                while (reader.position(tp, TIMEOUT) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500)).records(tp)) {
                        HubMessage m = codec.decodeMessage(record.value());
                        if (legacyInbox.contains(m.getRecipient(), m.getMessageId())) {
                            alreadyInInbox++;
                            continue;
                        }
                        ProducerRecord<byte[], byte[]> inbox = new ProducerRecord<>(topics.inboxFor(m.getRecipient()),
                                record.key(), record.value());
                        inbox.headers().add(HubHeaders.MESSAGE_ID, m.getMessageId().getBytes(StandardCharsets.UTF_8));
                        producer.send(inbox);
                        delivered++;
                    }
                }
                done.put(tp, new OffsetAndMetadata(reader.position(tp, TIMEOUT)));
            }
            producer.sendOffsetsToTransaction(done, new ConsumerGroupMetadata(PREVIOUS_DELIVERY_GROUP));
            producer.commitTransaction();
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
        log.info("Delivered the previous version's backlog: {} messages to their inbox topics, {} already in the"
                + " inbox rows", delivered, alreadyInInbox);
    }

    private void moveStateToChangelog(Producer<byte[], byte[]> producer) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(idempotency.retention()), ZoneOffset.UTC);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        jdbc.query("SELECT message_id, sender, case_id, recorded_at FROM processed_message WHERE recorded_at >= ?",
                rs -> {
                    Instant at = rs.getObject(4, OffsetDateTime.class).toInstant();
                    records.add(changelog.acceptedRecord(rs.getString(3), UUID.fromString(rs.getString(1)),
                            rs.getString(2), at.toEpochMilli()));
                }, cutoff);
        Map<String, List<CaseOpening>> openings = new HashMap<>();
        jdbc.query("SELECT case_id, team, nav_office, opened_by_message_id FROM case_party ORDER BY opened_at, team",
                rs -> {
                    CaseOpening o = new CaseOpening(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    openings.computeIfAbsent(o.caseId(), k -> new ArrayList<>()).add(o);
                });
        openings.forEach((caseId, list) -> records.add(changelog.partiesRecord(caseId, list)));
        for (int from = 0; from < records.size(); from += CHUNK) {
            producer.beginTransaction();
            try {
                records.subList(from, Math.min(records.size(), from + CHUNK)).forEach(producer::send);
                producer.commitTransaction();
            } catch (RuntimeException e) {
                producer.abortTransaction();
                throw e;
            }
        }
        jdbc.update("DELETE FROM processed_message");
        jdbc.update("DELETE FROM case_party");
        log.info("Moved the previous version's state to {}: {} cases' parties and {} accepted message ids",
                changelog.topic(), openings.size(), records.size() - openings.size());
    }

    private boolean hasRows(String table) {
        return !jdbc.queryForList("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
    }

    private Producer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> config = kafka.commonProperties();
        String id = "ips-hub-migration-" + instance.id();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, id);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        Map<String, Object> config = kafka.commonProperties();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ips-hub-migration-" + instance.id());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
