package no.ipshub.routes.ingress;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.PartnerStore;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Sector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Partners are hostile: whatever they write on their ingress topics (any bytes, keys, headers, sizes and
 * partitions, valid messages with the hub's own headers forged onto them) is either taken in or dead-lettered
 * with its reason, and never stops a partition. After each attack, valid messages on every partition of every
 * partner's topic reach their inboxes within seconds.
 */
@RoutesIntegrationTest
class HostileIngressIT {

    /** How soon valid traffic must flow again once the hostile records are in. */
    private static final Duration FLOWS_WITHIN = Duration.ofSeconds(20);
    private static final List<String> PARTNERS = List.of(TEAM, OTHER_TEAM, NAV_OFFICE, OTHER_NAV_OFFICE);

    @Autowired
    KafkaClientSettings kafkaSettings;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    HubTopics topics;
    @Autowired
    StateChangelog changelog;
    @Autowired
    PartnerStore partnerStore;
    @Autowired
    PartnerDirectory partners;

    private KafkaTestClient kafka;
    private RouteScenarios scenarios;
    private AvroWireCodec codec;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(kafkaSettings);
        scenarios = new RouteScenarios(kafka, topics, registry);
        codec = new AvroWireCodec(registry, false, false);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /* A partner copies one of its valid records with the hub's request headers and a reply partition that does
       not exist: it used to make every transaction of its partition fail. */
    @Test
    void validRecordWithAForgedReplyPartitionIsRefusedAndItsPartitionGoesOn() {
        for (String partition : List.of("99", "-1")) {
            HubMessage forged = referral(TEAM, "forged-reply-" + UUID.randomUUID());
            ProducerRecord<byte[], byte[]> record = partnerRecord(TEAM, forged);
            record.headers().add(HubHeaders.REQUEST_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(HubHeaders.REPLY_PARTITION, partition.getBytes(StandardCharsets.UTF_8));
            RecordMetadata sent = send(record);

            assertThat(deadLetterAt(sent)).hasValueSatisfying(d -> {
                assertThat(d.getReasonCode()).isEqualTo(DeadLetterReason.INVALID_CONTENT);
                assertThat(d.getReason()).contains(HubHeaders.REQUEST_ID);
            });
            assertValidTrafficFlowsOn(sent.partition());
        }
    }

    /* A record marked as already moved to its case's partition, on another partition, once made the hub decide it
       on the wrong partition's state. */
    @Test
    void recordWithAForgedMovedMarkIsRefused() {
        for (String header : List.of(HubHeaders.FORWARDED, HubHeaders.MOVED_FROM, HubHeaders.PARTNER)) {
            HubMessage message = referral(TEAM, "forged-mark-" + UUID.randomUUID());
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.ingressFor(TEAM),
                    otherPartitionThanItsCase(message.getCaseId()), bytes(message.getCaseId()), wire(TEAM, message));
            record.headers().add(header, "x".getBytes(StandardCharsets.UTF_8));

            RecordMetadata sent = send(record);

            assertThat(deadLetterAt(sent)).hasValueSatisfying(d -> assertThat(d.getReason()).contains(header));
            assertThat(scenarios.findMessage(topics.inboxFor(NAV_OFFICE), message.getMessageId(), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    /* A record that is not in its case's partition is moved there; with megabytes of headers the move itself once
       failed every time. Now the headers are over the bound and the record is a dead letter. */
    @Test
    void recordWithMegabytesOfHeadersIsDeadLetteredAndItsPartitionGoesOn() {
        HubMessage message = referral(TEAM, "big-headers-" + UUID.randomUUID());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.ingressFor(TEAM),
                otherPartitionThanItsCase(message.getCaseId()), bytes("not-the-case"), wire(TEAM, message));
        for (int i = 0; i < 40; i++) {
            record.headers().add(new RecordHeader("h" + i, new byte[50_000]));
        }

        RecordMetadata sent = send(record);

        assertThat(deadLetterAt(sent)).hasValueSatisfying(d -> {
            assertThat(d.getReasonCode()).isEqualTo(DeadLetterReason.MESSAGE_TOO_LARGE);
            assertThat(d.getReason()).contains("hub.ingress.max-header-bytes");
        });
        assertValidTrafficFlowsOn(sent.partition());
    }

    /* A partner whose ingress topic existed with fewer partitions than the intake state: a record whose case
       belongs to a partition the topic does not have was once moved to that missing partition, failing forever. */
    @Test
    void messageOfAPartnerWhoseTopicHasFewerPartitionsIsTakenIn() throws Exception {
        String partner = "narrow-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(kafkaSettings.commonProperties())) {
            admin.createTopics(List.of(new NewTopic(topics.ingressFor(partner), 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        partnerStore.insert(new Partner(partner, "Narrow team", Sector.HEALTH,
                new SyntheticIdentifiers(18).organisationNumber(), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(partner).isPresent());
        String caseId = caseInPartition(topics.partitions().ingress() - 1);
        HubMessage referral = HubMessages.referral().messageId(UUID.randomUUID().toString()).caseId(caseId)
                .sender(partner).recipient(NAV_OFFICE).referral(r -> r.setReferringTeam(partner)).build();

        send(new ProducerRecord<>(topics.ingressFor(partner), bytes(caseId), wire(TEAM, referral)));

        assertThat(scenarios.findMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId(), Duration.ofSeconds(60)))
                .isPresent();
        assertValidTrafficFlowsOnEveryPartition();
    }

    @Test
    void recordWithAKeyOfAMegabyteIsDeadLetteredKeepingTheKeysFirstKilobyte() {
        HubMessage message = referral(TEAM, "big-key-" + UUID.randomUUID());
        byte[] key = new byte[1_000_000];
        new Random(1).nextBytes(key);

        RecordMetadata sent = send(new ProducerRecord<>(topics.ingressFor(TEAM), 0, key, wire(TEAM, message)));

        assertThat(deadLetterAt(sent)).hasValueSatisfying(d -> {
            assertThat(d.getReasonCode()).isEqualTo(DeadLetterReason.MESSAGE_TOO_LARGE);
            assertThat(d.getOriginalKey().remaining()).isEqualTo(1024);
        });
        assertValidTrafficFlowsOn(sent.partition());
    }

    /* Thousands of generated hostile records on every partner's topic and partition; then valid messages on every
       partition of every partner flow within seconds, every valid message among the hostile ones is delivered
       exactly once, and every other record has a dead letter. */
    @Test
    void generatedHostileRecordsNeitherStopAPartitionNorLoseAValidMessage() {
        Random random = new Random(20261207L);
        List<Hostile> hostile = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            hostile.add(hostileRecord(random));
        }
        List<ProducerRecord<byte[], byte[]>> records = hostile.stream().map(Hostile::record).toList();
        List<RecordMetadata> sent = sendAll(records);

        assertValidTrafficFlowsOnEveryPartition();

        Set<String> validIds = new HashSet<>();
        Map<String, Integer> partnerOfValid = new HashMap<>();
        Set<String> refusedPositions = new HashSet<>();
        Set<String> refusedIds = new HashSet<>();
        for (int i = 0; i < hostile.size(); i++) {
            Hostile h = hostile.get(i);
            switch (h.expected()) {
                case DELIVERED -> {
                    validIds.add(h.messageId());
                    partnerOfValid.merge(h.recipient(), 1, Integer::sum);
                }
                case DEAD_LETTER_BY_POSITION -> refusedPositions.add(position(sent.get(i)));
                case DEAD_LETTER_BY_MESSAGE_ID -> refusedIds.add(h.messageId());
            }
        }
        Map<String, Integer> delivered = new HashMap<>();
        for (String partner : PARTNERS) {
            for (ConsumerRecord<byte[], byte[]> r : kafka.findAll(topics.inboxFor(partner),
                    r -> validIds.contains(messageIdOf(r)), partnerOfValid.getOrDefault(partner, 0),
                    RouteScenarios.WAIT)) {
                delivered.merge(messageIdOf(r), 1, Integer::sum);
            }
        }
        assertThat(delivered.keySet()).as("valid messages delivered").containsExactlyInAnyOrderElementsOf(validIds);
        assertThat(delivered.values()).as("each delivered once").allMatch(n -> n == 1);

        Set<String> deadPositions = new HashSet<>();
        Set<String> deadIds = new HashSet<>();
        kafka.findAll(topics.deadLetter(), r -> true, refusedPositions.size() + refusedIds.size(), RouteScenarios.WAIT)
                .forEach(r -> {
                    DeadLetter d = codec.decode(r.value(), DeadLetter.class);
                    deadPositions.add(d.getSourceTopic() + "-" + d.getSourcePartition() + "@" + d.getSourceOffset());
                    if (d.getMessageId() != null) {
                        deadIds.add(d.getMessageId());
                    }
                });
        assertThat(deadPositions).as("refused records dead-lettered").containsAll(refusedPositions);
        assertThat(deadIds).as("invalid messages dead-lettered").containsAll(refusedIds);
    }

    private enum Outcome { DELIVERED, DEAD_LETTER_BY_POSITION, DEAD_LETTER_BY_MESSAGE_ID }

    private record Hostile(ProducerRecord<byte[], byte[]> record, Outcome expected, String messageId, String recipient) {
    }

    private Hostile hostileRecord(Random random) {
        String partner = PARTNERS.get(random.nextInt(PARTNERS.size()));
        String topic = topics.ingressFor(partner);
        Integer partition = random.nextInt(4) == 0 ? random.nextInt(topics.partitions().ingress()) : null;
        HubMessage valid = referral(partner, "hostile-" + UUID.randomUUID());
        switch (random.nextInt(8)) {
            case 0 -> {
                // random bytes under a random key and random headers
                byte[] value = randomBytes(random, random.nextInt(10) == 0 ? 200_000 : 2_000);
                return refusedByPosition(withRandomHeaders(random,
                        new ProducerRecord<>(topic, partition, randomKey(random), value)));
            }
            case 1 -> {
                // the wire format's prefix with a schema id the hub knows, then garbage
                byte[] garbage = randomBytes(random, 500);
                byte[] value = ByteBuffer.allocate(5 + garbage.length).put((byte) 0)
                        .putInt(AvroWireCodec.schemaIdOf(wire(partner, valid))).put(garbage).array();
                return refusedByPosition(new ProducerRecord<>(topic, partition, randomKey(random), value));
            }
            case 2 -> {
                // a valid message carrying one of the hub's own headers
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, bytes(valid.getCaseId()),
                        wire(partner, valid));
                List<String> control = List.copyOf(HubHeaders.INTAKE_CONTROL);
                record.headers().add(control.get(random.nextInt(control.size())),
                        randomBytes(random, 12));
                return refusedByPosition(record);
            }
            case 3 -> {
                // a valid message under a key that is not its case id, and maybe in a partition of the partner's
                // choosing: moved to its case's partition and taken in
                return new Hostile(new ProducerRecord<>(topic, partition, smallKey(random), wire(partner, valid)),
                        Outcome.DELIVERED, valid.getMessageId(), valid.getRecipient());
            }
            case 4 -> {
                // a message that breaks a rule, keyed anyhow
                HubMessage invalid = HubMessages.referral().messageId(UUID.randomUUID().toString())
                        .caseId("hostile-" + UUID.randomUUID()).sender(partner).recipient("not-a-partner").build();
                return new Hostile(new ProducerRecord<>(topic, partition, smallKey(random), wire(partner, invalid)),
                        Outcome.DEAD_LETTER_BY_MESSAGE_ID, invalid.getMessageId(), null);
            }
            case 5 -> {
                // a value over hub.ingress.max-message-bytes
                return refusedByPosition(new ProducerRecord<>(topic, partition, randomKey(random),
                        randomBytes(random, 1_100_000, 1_100_001)));
            }
            case 6 -> {
                // no value at all
                return refusedByPosition(new ProducerRecord<>(topic, partition, randomKey(random), null));
            }
            default -> {
                // a valid message as a partner should send it
                return new Hostile(new ProducerRecord<>(topic, partition, bytes(valid.getCaseId()), wire(partner, valid)),
                        Outcome.DELIVERED, valid.getMessageId(), valid.getRecipient());
            }
        }
    }

    private static Hostile refusedByPosition(ProducerRecord<byte[], byte[]> record) {
        return new Hostile(record, Outcome.DEAD_LETTER_BY_POSITION, null, null);
    }

    private static ProducerRecord<byte[], byte[]> withRandomHeaders(Random random, ProducerRecord<byte[], byte[]> record) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = random.nextBoolean() ? "h" + random.nextInt(100) : new String(randomBytes(random, 20),
                    StandardCharsets.ISO_8859_1);
            record.headers().add(name, random.nextInt(20) == 0 ? new byte[20_000] : randomBytes(random, 200));
        }
        return record;
    }

    private static byte[] randomKey(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> randomBytes(random, 3_000, 5_000);
            default -> randomBytes(random, 64);
        };
    }

    /** A key within hub.ingress.max-key-bytes that is not the case id (or none). */
    private static byte[] smallKey(Random random) {
        return random.nextInt(4) == 0 ? null : randomBytes(random, 64);
    }

    private static byte[] randomBytes(Random random, int max) {
        return randomBytes(random, 0, max);
    }

    private static byte[] randomBytes(Random random, int min, int max) {
        byte[] bytes = new byte[min + random.nextInt(Math.max(1, max - min))];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A referral from {@code partner} (a team or a NAV office) to its counterpart, in a case of its own. */
    private static HubMessage referral(String partner, String caseId) {
        String team = partner.equals(OTHER_NAV_OFFICE) || partner.equals(OTHER_TEAM) ? OTHER_TEAM : TEAM;
        String office = partner.equals(OTHER_NAV_OFFICE) || partner.equals(OTHER_TEAM) ? OTHER_NAV_OFFICE : NAV_OFFICE;
        boolean fromTeam = partner.equals(team);
        return HubMessages.referral().messageId(UUID.randomUUID().toString()).caseId(caseId)
                .sender(fromTeam ? team : office).recipient(fromTeam ? office : team)
                .referral(r -> r.setReferringTeam(team).setNavOffice(office)).build();
    }

    private void assertValidTrafficFlowsOnEveryPartition() {
        for (int p = 0; p < topics.partitions().ingress(); p++) {
            assertValidTrafficFlowsOn(p);
        }
    }

    /** A valid referral of every partner, in a case whose partition is {@code partition}, reaches its inbox soon. */
    private void assertValidTrafficFlowsOn(int partition) {
        List<HubMessage> probes = new ArrayList<>();
        for (String partner : PARTNERS) {
            HubMessage probe = referral(partner, caseInPartition(partition));
            scenarios.produce(partner, probe);
            probes.add(probe);
        }
        for (HubMessage probe : probes) {
            assertThat(scenarios.findMessage(topics.inboxFor(probe.getRecipient()), probe.getMessageId(), FLOWS_WITHIN))
                    .as("valid message on partition %d from %s", partition, probe.getSender()).isPresent();
        }
    }

    private String caseInPartition(int partition) {
        while (true) {
            String caseId = "probe-" + UUID.randomUUID();
            if (changelog.partitionOf(caseId) == partition) {
                return caseId;
            }
        }
    }

    private int otherPartitionThanItsCase(String caseId) {
        return (changelog.partitionOf(caseId) + 1) % topics.partitions().ingress();
    }

    private ProducerRecord<byte[], byte[]> partnerRecord(String partner, HubMessage message) {
        return new ProducerRecord<>(topics.ingressFor(partner), bytes(message.getCaseId()), wire(partner, message));
    }

    private byte[] wire(String partner, HubMessage message) {
        return scenarios.wireBytes(partner, message);
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        return sendAll(List.of(record)).get(0);
    }

    private List<RecordMetadata> sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        try {
            return kafka.sendEach(records).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce the hostile records", e);
        }
    }

    private java.util.Optional<DeadLetter> deadLetterAt(RecordMetadata sent) {
        String at = position(sent);
        return kafka.find(topics.deadLetter(), r -> at.equals(sourceOf(r)), RouteScenarios.WAIT)
                .map(r -> codec.decode(r.value(), DeadLetter.class));
    }

    private String sourceOf(ConsumerRecord<byte[], byte[]> deadLetter) {
        DeadLetter d = codec.decode(deadLetter.value(), DeadLetter.class);
        return d.getSourceTopic() + "-" + d.getSourcePartition() + "@" + d.getSourceOffset();
    }

    private static String position(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }

    private static String messageIdOf(ConsumerRecord<byte[], byte[]> record) {
        var header = record.headers().lastHeader(HubHeaders.MESSAGE_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
