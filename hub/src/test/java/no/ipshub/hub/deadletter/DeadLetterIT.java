package no.ipshub.hub.deadletter;

import static no.ipshub.hub.ops.OpsTestHub.JSON;
import static no.ipshub.hub.ops.OpsTestHub.NATIONAL_ID;
import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TEAM;
import static no.ipshub.hub.ops.OpsTestHub.newCaseId;
import static no.ipshub.hub.ops.OpsTestHub.newMessageId;
import static no.ipshub.hub.ops.OpsTestHub.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import no.ipshub.hub.ops.OpsTestHub;
import no.ipshub.operations.deadletter.MessageMasking;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/*
 * Dead letters through the whole hub: bad input on a partner's ingress topic becomes a DeadLetter on
 * ips.deadletter-v1, the dead-letter-index route puts it in the operators' index, and
 * /api/v1/ops/deadletters lists, shows, replays and discards it. Replays go back through the ingress, so the
 * ingress idempotency keeps a message that is replayed twice from being delivered twice.
 */
@ExtendWith(OpsTestHub.Extension.class)
class DeadLetterIT {

    private static final Duration INDEXED = Duration.ofSeconds(60);
    private static OpsTestHub hub;

    @BeforeAll
    static void startHub() {
        hub = OpsTestHub.shared();
    }

    @Test
    void garbageBytesOnAPartnerIngressTopicAppearAsADeadLetterWithItsSourcePosition() {
        RecordMetadata written = writeGarbage("not avro at all");

        JsonNode item = awaitListed(written);

        assertThat(item.path("reasonCode").asString()).isEqualTo("WRONG_MAGIC_BYTE");
        assertThat(item.path("sourcePartition").asInt()).isEqualTo(written.partition());
        assertThat(item.path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void anUndecodableDeadLetterShowsAPreviewWithElevenDigitRunsMasked() {
        JsonNode item = awaitListed(writeGarbage("fnr " + NATIONAL_ID + " in plain text"));

        JsonNode detail = hub.getJson("/api/v1/ops/deadletters/" + item.path("id").asString());

        assertThat(detail.path("message").isNull()).isTrue();
        assertThat(detail.path("decodeError").asString()).isEqualTo("WRONG_MAGIC_BYTE");
        assertThat(detail.path("preview").path("text").asString()).contains("fnr ***********").doesNotContain(NATIONAL_ID);
    }

    @Test
    void aDecodableDeadLetterShowsItsMessageWithTheNationalIdAndNoteMasked() {
        HubMessage message = referral(newMessageId(), newCaseId());
        String id = hub.publishDeadLetterOfValidMessage(message);
        awaitIndexed(id);

        HttpResponse<String> response = hub.get("/api/v1/ops/deadletters/" + id, OPERATOR_KEY);
        JsonNode payload = JSON.readTree(response.body()).path("message").path("payload");

        assertThat(payload.path("participantNationalId").asString()).isEqualTo(MessageMasking.MASK);
        assertThat(payload.path("note").asString()).isEqualTo(MessageMasking.MASK);
        assertThat(response.body()).doesNotContain(NATIONAL_ID).contains(message.getMessageId());
    }

    @Test
    void theListFiltersByPartnerAndReason() {
        JsonNode garbage = awaitListed(writeGarbage("filter me"));

        JsonNode byReason = hub.getJson("/api/v1/ops/deadletters?partner=" + TEAM + "&reason=wrong_magic_byte&size=200");
        JsonNode otherPartner = hub.getJson("/api/v1/ops/deadletters?partner=" + NAV_OFFICE + "&size=200");

        assertThat(byReason.path("items").valueStream().map(i -> i.path("id").asString()))
                .contains(garbage.path("id").asString());
        assertThat(otherPartner.path("items").valueStream().map(i -> i.path("id").asString()))
                .doesNotContain(garbage.path("id").asString());
    }

    @Test
    void aReplayedValidMessageReachesTheRecipientsInbox() {
        HubMessage message = referral(newMessageId(), newCaseId());
        String id = hub.publishDeadLetterOfValidMessage(message);
        awaitIndexed(id);

        HttpResponse<String> replay = hub.post("/api/v1/ops/deadletters/" + id + "/replay", OPERATOR_KEY, "");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        await().atMost(INDEXED).untilAsserted(() -> assertThat(hub.inbox(NAV_OFFICE)).contains(message.getMessageId()));
    }

    /*
     * The same dead letter replayed twice is written to the ingress twice; the ingress takes the first copy in
     * and drops the second as a repeated messageId. Once the ingress group has committed past the second copy,
     * the inbox must still hold the message exactly once.
     */
    @Test
    void replayingTwiceDeliversTheMessageOnce() {
        HubMessage message = referral(newMessageId(), newCaseId());
        String id = hub.publishDeadLetterOfValidMessage(message);
        awaitIndexed(id);

        JsonNode first = JSON.readTree(hub.post("/api/v1/ops/deadletters/" + id + "/replay", OPERATOR_KEY, "").body());
        await().atMost(INDEXED).until(() -> hub.inbox(NAV_OFFICE).contains(message.getMessageId()));
        JsonNode second = JSON.readTree(hub.post("/api/v1/ops/deadletters/" + id + "/replay", OPERATOR_KEY, "").body());
        String topic = second.path("topic").asString();
        int partition = second.path("partition").asInt();
        long offset = second.path("offset").asLong();
        await().atMost(INDEXED).until(() -> hub.committedOffset(OpsTestHub.INGRESS_GROUP, topic, partition) > offset);

        assertThat(first.path("topic").asString()).isEqualTo(hub.topics().ingressFor(TEAM));
        assertThat(hub.inbox(NAV_OFFICE)).filteredOn(message.getMessageId()::equals).hasSize(1);
        assertThat(hub.deadLetter(id).path("deadLetter").path("replayCount").asInt()).isEqualTo(2);
    }

    @Test
    void aReplayThatFailsAgainReturnsTheSameDeadLetterToOpenWithAnotherAttempt() {
        JsonNode item = awaitListed(writeGarbage("still garbage after the replay"));
        String id = item.path("id").asString();

        HttpResponse<String> replay = hub.post("/api/v1/ops/deadletters/" + id + "/replay", OPERATOR_KEY, "");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        await().atMost(INDEXED).untilAsserted(() -> {
            JsonNode again = hub.deadLetter(id).path("deadLetter");
            assertThat(again.path("attempts").asInt()).isEqualTo(2);
            assertThat(again.path("status").asString()).isEqualTo("OPEN");
        });
    }

    @Test
    void aSelectionOfIdsIsReplayedInOneRequest() {
        HubMessage a = referral(newMessageId(), newCaseId());
        HubMessage b = referral(newMessageId(), newCaseId());
        String idA = hub.publishDeadLetterOfValidMessage(a);
        String idB = hub.publishDeadLetterOfValidMessage(b);
        awaitIndexed(idA);
        awaitIndexed(idB);

        HttpResponse<String> replay = hub.post("/api/v1/ops/deadletters/replay", OPERATOR_KEY,
                "{\"ids\":[\"" + idA + "\",\"" + idB + "\",\"" + UUID.randomUUID() + "\"]}");

        assertThat(JSON.readTree(replay.body()).path("replayed").asInt()).as(replay.body()).isEqualTo(2);
        await().atMost(INDEXED).untilAsserted(() ->
                assertThat(hub.inbox(NAV_OFFICE)).contains(a.getMessageId(), b.getMessageId()));
    }

    @Test
    void discardRecordsTheReasonAndTheOperator() {
        String id = awaitListed(writeGarbage("discard me")).path("id").asString();

        HttpResponse<String> discard = hub.post("/api/v1/ops/deadletters/" + id + "/discard", OPERATOR_KEY,
                "{\"reason\":\"test traffic from the partner's staging system\"}");

        JsonNode discarded = JSON.readTree(discard.body());
        assertThat(discard.statusCode()).as(discard.body()).isEqualTo(200);
        assertThat(discarded.path("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.path("discardReason").asString()).isEqualTo("test traffic from the partner's staging system");
        assertThat(discarded.path("decidedBy").asString()).isEqualTo(OPERATOR);
    }

    @Test
    void discardWithoutAReasonIsRefusedNamingTheField() {
        String id = awaitListed(writeGarbage("no reason given")).path("id").asString();

        HttpResponse<String> discard = hub.post("/api/v1/ops/deadletters/" + id + "/discard", OPERATOR_KEY,
                "{\"reason\":\"  \"}");

        assertThat(discard.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(discard.body()).path("field").asString()).isEqualTo("reason");
    }

    @Test
    void aDiscardedDeadLetterCannotBeReplayed() {
        String id = awaitListed(writeGarbage("discarded then replayed")).path("id").asString();
        hub.post("/api/v1/ops/deadletters/" + id + "/discard", OPERATOR_KEY, "{\"reason\":\"duplicate of another\"}");

        HttpResponse<String> replay = hub.post("/api/v1/ops/deadletters/" + id + "/replay", OPERATOR_KEY, "");

        assertThat(replay.statusCode()).isEqualTo(409);
    }

    @Test
    void theCountsByReasonIncludeOpenDeadLetters() {
        awaitListed(writeGarbage("counted"));

        JsonNode counts = hub.getJson("/api/v1/ops/deadletters/counts");

        assertThat(counts.path("byReason").valueStream()
                .filter(l -> l.path("reasonCode").asString().equals("WRONG_MAGIC_BYTE"))
                .mapToLong(l -> l.path("open").asLong()).sum()).isPositive();
    }

    private static RecordMetadata writeGarbage(String text) {
        // unique bytes per call, so that no two tests share a dead letter
        byte[] value = (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return hub.produce(hub.topics().ingressFor(TEAM), newCaseId().getBytes(StandardCharsets.UTF_8), value);
    }

    private static JsonNode awaitListed(RecordMetadata written) {
        return await().atMost(INDEXED).until(() -> find(written), java.util.Objects::nonNull);
    }

    private static JsonNode find(RecordMetadata written) {
        JsonNode page = hub.getJson("/api/v1/ops/deadletters?partner=" + TEAM + "&size=200");
        return page.path("items").valueStream()
                .filter(i -> i.path("sourceTopic").asString().equals(written.topic())
                        && i.path("sourcePartition").asInt() == written.partition()
                        && i.path("sourceOffset").asLong() == written.offset())
                .findFirst().orElse(null);
    }

    private static void awaitIndexed(String id) {
        await().atMost(INDEXED).until(() -> hub.deadLetter(id) != null);
    }
}
