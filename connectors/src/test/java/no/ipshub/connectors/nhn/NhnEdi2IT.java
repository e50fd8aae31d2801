package no.ipshub.connectors.nhn;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub against a local stand-in for the EDI 2.0 API and HelseID ({@link Edi2StandIn}): hub messages to
 * Haukeland's team, which receives over Norsk helsenett, leave as valid Dialogmelding 1.1 envelopes with retries
 * through 5xx answers and timeouts, and their application receipts reach the delivery status (AVVIST a dead
 * letter); the poller reads the hub's incoming envelopes, delivers them and answers each with its receipt. Every
 * call carries a HelseID token issued for the hub's signed client assertion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedKafkaTestConfiguration.class)
class NhnEdi2IT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEAM = "haukeland-tsb";
    private static final String NAV_OFFICE = "nav-bergenhus";
    private static final HubMessageJson JSON = new HubMessageJson();
    private static final Edi2StandIn API = new Edi2StandIn();

    @DynamicPropertySource
    static void theHubTalksToTheStandIn(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempFile("helseid-client", ".jwk");
        Files.writeString(key, API.clientKeyJson());
        key.toFile().deleteOnExit();
        registry.add("hub.nhn.her-id", () -> Envelopes.HUB_HER_ID);
        registry.add("hub.nhn.edi.base-url", API::baseUrl);
        registry.add("hub.nhn.edi.poll-enabled", () -> "true");
        registry.add("hub.nhn.edi.poll-interval", () -> "300ms");
        registry.add("hub.nhn.edi.request-timeout", () -> "1s");
        registry.add("hub.nhn.helse-id.token-endpoint", API::tokenEndpoint);
        registry.add("hub.nhn.helse-id.client-id", () -> Edi2StandIn.CLIENT_ID);
        registry.add("hub.nhn.helse-id.private-key-file", key::toString);
        registry.add("hub.nhn.outbound.poll-interval", () -> "200ms");
        registry.add("hub.nhn.outbound.initial-backoff", () -> "200ms");
        registry.add("hub.nhn.outbound.max-backoff", () -> "1s");
        registry.add("hub.nhn.outbound.receipt-check-interval", () -> "200ms");
        registry.add("hub.nhn.outbound.max-attempts", () -> "4");
        registry.add("hub.instance-id", () -> "connectors-nhn-it");
    }

    @AfterAll
    static void stopTheStandIn() {
        API.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    NhnAddressStore addresses;

    @Autowired
    KafkaClientSettings kafka;

    @Autowired
    HubWireCodec codec;

    @Autowired
    SchemaRegistryClient registry;

    @Autowired
    HubTopics topics;

    private PartnerHttpClient http;

    @BeforeEach
    void theTeamReceivesOverNorskHelsenett() {
        http = new PartnerHttpClient(port);
        addresses.put(new NhnAddress(TEAM, Envelopes.TEAM_HER_ID, Envelopes.TEAM_ORGANISATION_HER_ID, true),
                Instant.now());
        addresses.put(new NhnAddress(NAV_OFFICE, Envelopes.NAV_OFFICE_HER_ID, null, false), Instant.now());
    }

    /** A case between the team and the NAV office, and the office's acceptance of it, addressed to the team. */
    private HubMessage acceptanceToTheTeam() {
        String caseId = "nhn-it-" + UUID.randomUUID();
        HubMessage referral = HubMessages.referral().caseId(caseId).build();
        assertThat(http.postMessage(keyOf(TEAM), JSON.toJson(referral)).status()).isEqualTo(202);
        HubMessage acceptance = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId)
                .sender(NAV_OFFICE).recipient(TEAM).build();
        assertThat(http.postMessage(keyOf(NAV_OFFICE), JSON.toJson(acceptance)).status()).isEqualTo(202);
        return acceptance;
    }

    private JsonDelivery deliveryOf(String messageId) {
        var page = http.get(keyOf(TEAM), "/api/v1/nhn/deliveries?limit=500").json();
        for (var d : page.get("deliveries")) {
            if (d.get("messageId").asString().equals(messageId)) {
                return new JsonDelivery(d.get("state").asString(), d.get("attempts").asInt(),
                        d.get("apprecStatus").isNull() ? null : d.get("apprecStatus").asString(),
                        d.get("apprecErrors").isNull() ? null : d.get("apprecErrors").asString(),
                        d.get("lastError").isNull() ? null : d.get("lastError").asString());
            }
        }
        return null;
    }

    record JsonDelivery(String state, int attempts, String apprecStatus, String apprecErrors, String lastError) {
    }

    private JsonDelivery awaitState(String messageId, String state) {
        return await().atMost(WAIT).until(() -> deliveryOf(messageId), d -> d != null && d.state().equals(state));
    }

    @Test
    void aHubMessageToThePartnerLeavesAsAValidDialogmeldingToItsHerId() {
        HubMessage acceptance = acceptanceToTheTeam();

        Edi2StandIn.Stored posted = await().atMost(WAIT)
                .until(() -> API.postedWithMsgId(acceptance.getMessageId()).orElse(null), p -> p != null);

        DialogueEnvelope envelope = new DialogueEnvelopeReader(new NhnXml()).read(posted.document());
        assertThat(envelope.receiver().herIds()).containsExactly(Envelopes.TEAM_ORGANISATION_HER_ID, Envelopes.TEAM_HER_ID);
        assertThat(envelope.notes().get(0).text()).contains("Sak i IPS-huben: " + acceptance.getCaseId())
                .contains("kind: REFERRAL_ACCEPTED");
    }

    @Test
    void theReceiptOkIsShownInThePartnersDeliveryStatus() {
        HubMessage acceptance = acceptanceToTheTeam();

        JsonDelivery delivery = awaitState(acceptance.getMessageId(), "OK");

        assertThat(delivery.apprecStatus()).isEqualTo("OK");
    }

    @Test
    void theReceiptIsShownToOperatorsToo() {
        HubMessage acceptance = acceptanceToTheTeam();
        awaitState(acceptance.getMessageId(), "OK");

        var page = http.get("it-key-operator", "/api/v1/ops/nhn/deliveries?partner=" + TEAM).json();

        assertThat(page.get("deliveries").toString()).contains(acceptance.getMessageId()).contains("\"apprecStatus\":\"OK\"");
    }

    @Test
    void anAvvistReceiptMakesTheMessageADeadLetterWithTheReceiptsReason() {
        HubMessage acceptance = acceptanceToTheTeam();
        API.receiptFor(acceptance.getMessageId(), "Rejected", "E21");

        JsonDelivery delivery = awaitState(acceptance.getMessageId(), "REJECTED");

        assertThat(delivery.apprecErrors()).isEqualTo("E21 Mottaker finnes ikke");
        DeadLetter letter = await().atMost(WAIT).until(() -> deadLetterOf(acceptance.getMessageId()), l -> l != null);
        assertThat(letter.getReasonCode()).isEqualTo(DeadLetterReason.RECIPIENT_REJECTED);
        assertThat(letter.getReason()).contains("AVVIST").contains("E21");
    }

    @Test
    void aServerErrorIsTriedAgainUntilTheApiTakesTheMessage() {
        API.failNextPosts(2);
        HubMessage acceptance = acceptanceToTheTeam();

        JsonDelivery delivery = awaitState(acceptance.getMessageId(), "OK");

        assertThat(delivery.attempts()).isEqualTo(3);
    }

    @Test
    void anAnswerThatComesTooLateIsTriedAgain() {
        API.answerNextPostsAfter(1, Duration.ofSeconds(3));
        HubMessage acceptance = acceptanceToTheTeam();

        JsonDelivery delivery = awaitState(acceptance.getMessageId(), "OK");

        assertThat(delivery.attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMessageTheApiKeepsRefusingIsParkedAfterItsAttempts() {
        API.failNextPosts(100);
        HubMessage acceptance = acceptanceToTheTeam();

        JsonDelivery delivery = awaitState(acceptance.getMessageId(), "PARKED");
        API.failNextPosts(0);

        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastError()).contains("HTTP 503");
    }

    /*
     * The receiver's EPJ sends its AppRec as a message of its own (an AppRec 1.1 for the hub's HER-id) instead of
     * through the API's receipt: the poller reads it and the delivery it answers gets it.
     */
    @Test
    void aReceiptThatArrivesAsAMessageReachesTheDeliveryItAnswers() {
        HubMessage acceptance = acceptanceToTheTeam();
        API.receiptFor(acceptance.getMessageId(), "None", null);
        awaitState(acceptance.getMessageId(), "SENT");
        String appRec = new String(NhnSamples.bytes("apprec-1.1-avvist.xml"), StandardCharsets.UTF_8)
                .replace("e0e21a90-5ec8-11e1-b86c-0800200c9a66", acceptance.getMessageId());

        String id = API.deliver(Envelopes.HUB_HER_ID, Envelopes.TEAM_HER_ID, true, appRec.getBytes(StandardCharsets.UTF_8));

        JsonDelivery delivery = awaitState(acceptance.getMessageId(), "REJECTED");
        assertThat(delivery.apprecErrors()).isEqualTo("E21 Mottaker finnes ikke");
        await().atMost(WAIT).until(() -> API.isRead(id));
    }

    @Test
    void anIncomingEnvelopeIsDeliveredAnsweredOkAndMarkedRead() {
        String msgId = UUID.randomUUID().toString();
        String id = API.deliver(Envelopes.HUB_HER_ID, Envelopes.TEAM_HER_ID, false,
                Envelopes.bytes(Envelopes.first(msgId)));

        await().atMost(WAIT).until(() -> API.isRead(id));

        assertThat(API.receiptsFromHub()).filteredOn(r -> r.messageId().equals(id))
                .extracting(Edi2StandIn.SentReceipt::status).containsExactly("Ok");
        assertThat(inboxTopicOf(NAV_OFFICE)).extracting(HubMessage::getMessageId).contains(msgId);
    }

    @Test
    void anIncomingEnvelopeReachesTheNavOfficesKafkaInboxAsADialogueNote() {
        String msgId = UUID.randomUUID().toString();
        API.deliver(Envelopes.HUB_HER_ID, Envelopes.TEAM_HER_ID, false, Envelopes.bytes(Envelopes.first(msgId)));

        HubMessage note = await().atMost(WAIT).until(() -> inboxTopicOf(NAV_OFFICE).stream()
                .filter(m -> m.getMessageId().equals(msgId)).findFirst().orElse(null), m -> m != null);

        assertThat(((FollowUp) note.getPayload()).getNote()).contains(Envelopes.NOTE_TEXT);
    }

    @Test
    void anIncomingEnvelopeFailingItsSchemaIsAnsweredAvvistAndMarkedRead() {
        String broken = Envelopes.first(UUID.randomUUID().toString()).replaceFirst("<TemaKodet [^>]*/>", "");
        String id = API.deliver(Envelopes.HUB_HER_ID, Envelopes.TEAM_HER_ID, false, Envelopes.bytes(broken));

        await().atMost(WAIT).until(() -> API.isRead(id));

        assertThat(API.receiptsFromHub()).filteredOn(r -> r.messageId().equals(id))
                .extracting(Edi2StandIn.SentReceipt::status, Edi2StandIn.SentReceipt::errorCodes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Rejected", List.of("T02")));
    }

    @Test
    void anIncomingXmlBombIsAnsweredAvvistAsUnreadable() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE MsgHead [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<MsgHead xmlns=\"http://www.kith.no/xmlstds/msghead/2006-05-24\">&b;</MsgHead>";
        String id = API.deliver(Envelopes.HUB_HER_ID, Envelopes.TEAM_HER_ID, false, bomb.getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> API.isRead(id));

        assertThat(API.receiptsFromHub()).filteredOn(r -> r.messageId().equals(id))
                .extracting(Edi2StandIn.SentReceipt::errorCodes).containsExactly(List.of("T01"));
    }

    @Test
    void everyCallToTheApiCarriedAHelseIdToken() {
        acceptanceToTheTeam();
        await().atMost(WAIT).until(() -> API.postAttempts() > 0);

        assertThat(API.tokensIssued()).isPositive();
        assertThat(API.refusedCalls()).isZero();
    }

    private List<HubMessage> inboxTopicOf(String partner) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.commonProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<HubMessage> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = topics.inboxFor(partner);
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(codec.decodeMessage(r.value()));
                }
            }
        }
        return messages;
    }

    private DeadLetter deadLetterOf(String messageId) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.commonProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = topics.deadLetter();
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = new AvroWireCodec(registry, false, false).decode(r.value(), DeadLetter.class);
                    if (messageId.equals(letter.getMessageId())) {
                        return letter;
                    }
                }
            }
        }
        return null;
    }
}
