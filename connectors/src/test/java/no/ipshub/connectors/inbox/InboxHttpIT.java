package no.ipshub.connectors.inbox;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient.Answer;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.inbox.InboxCursor;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/inbox}: a partner reads what was sent to it, page by page, and nothing else. */
@PartnerEdgeTest
class InboxHttpIT {

    private static final HubMessageJson JSON = new HubMessageJson();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A NAV office only this class sends to, so its pages hold nothing but these tests' messages. */
    private static final String QUIET_OFFICE = "nav-alta";
    /** A NAV office whose inbox records the expiry test deletes. */
    private static final String EXPIRING_OFFICE = "nav-vadso";

    @LocalServerPort
    int port;
    @Autowired
    KafkaClientSettings kafka;
    @Autowired
    HubTopics topics;

    private PartnerHttpClient http;

    @BeforeEach
    void connect() {
        http = new PartnerHttpClient(port);
    }

    /** The message ids in the partner's whole inbox, following nextCursor from the start. */
    private List<String> inboxOf(String partner) {
        List<String> ids = new ArrayList<>();
        String cursor = "0";
        while (true) {
            JsonNode page = http.get(keyOf(partner), "/api/v1/inbox?after=" + cursor + "&limit=500").json();
            if (page.get("messages").isEmpty()) {
                return ids;
            }
            page.get("messages").forEach(m -> ids.add(m.get("message").get("messageId").asString()));
            cursor = page.get("nextCursor").asString();
        }
    }

    private HubMessage send(String team, String office) {
        HubMessage referral = HubMessages.referral().caseId("inbox-" + UUID.randomUUID()).sender(team).recipient(office)
                .build();
        assertThat(http.postMessage(keyOf(team), JSON.toJson(referral)).status()).isEqualTo(202);
        return referral;
    }

    @Test
    void referralSentOverHttpIsInTheRecipientsInboxInItsJsonForm() {
        HubMessage referral = send(TEAM, NAV_OFFICE);

        await().atMost(WAIT).until(() -> inboxOf(NAV_OFFICE).contains(referral.getMessageId()));
        Answer page = http.get(keyOf(NAV_OFFICE), "/api/v1/inbox?after=0&limit=500");
        JsonNode entry = null;
        for (JsonNode m : page.json().get("messages")) {
            if (m.get("message").get("messageId").asString().equals(referral.getMessageId())) {
                entry = m.get("message");
            }
        }
        assertThat(entry).isNotNull();
        assertThat(JSON.fromJson(entry.toString())).isEqualTo(referral);
    }

    @Test
    void partnerNeverSeesAMessageAddressedToAnotherPartner() {
        HubMessage referral = send(TEAM, NAV_OFFICE);
        await().atMost(WAIT).until(() -> inboxOf(NAV_OFFICE).contains(referral.getMessageId()));

        assertThat(inboxOf(OTHER_NAV_OFFICE)).doesNotContain(referral.getMessageId());
    }

    @Test
    void senderDoesNotFindItsOwnMessageInItsInbox() {
        HubMessage referral = send(TEAM, NAV_OFFICE);
        await().atMost(WAIT).until(() -> inboxOf(NAV_OFFICE).contains(referral.getMessageId()));

        assertThat(inboxOf(TEAM)).doesNotContain(referral.getMessageId());
    }

    /* Three messages to a quiet office, read two at a time: the second page, asked for after the first page's
       nextCursor, holds the third message only, and a read after the last cursor is empty and keeps it. The
       office's inbox topic has one partition here, so delivery order is the order of sending. */
    @Test
    void pagesResumeAfterNextCursorInDeliveryOrder() {
        String start = http.get(keyOf(QUIET_OFFICE), "/api/v1/inbox?after=0&limit=500").json().get("nextCursor").asString();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = send(OTHER_TEAM, QUIET_OFFICE).getMessageId();
            sent.add(id);
            await().atMost(WAIT).until(() -> inboxOf(QUIET_OFFICE).contains(id));
        }

        JsonNode first = http.get(keyOf(QUIET_OFFICE), "/api/v1/inbox?after=" + start + "&limit=2").json();
        JsonNode second = http.get(keyOf(QUIET_OFFICE),
                "/api/v1/inbox?after=" + first.get("nextCursor").asString() + "&limit=2").json();
        JsonNode third = http.get(keyOf(QUIET_OFFICE),
                "/api/v1/inbox?after=" + second.get("nextCursor").asString() + "&limit=2").json();

        List<String> read = new ArrayList<>();
        first.get("messages").forEach(m -> read.add(m.get("message").get("messageId").asString()));
        second.get("messages").forEach(m -> read.add(m.get("message").get("messageId").asString()));
        assertThat(read).containsExactlyElementsOf(sent);
        assertThat(third.get("messages").isEmpty()).isTrue();
        assertThat(third.get("nextCursor").asString()).isEqualTo(second.get("nextCursor").asString());
    }

    @Test
    void cursorThatIsNotANumberIs400NamingIt() {
        Answer answer = http.get(keyOf(NAV_OFFICE), "/api/v1/inbox?after=yesterday");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
    }

    /* Three messages to an office only this test reads; the office has read the first. Retention (here
       deleteRecords, which moves the log start as retention does) deletes the second unread. Its cursor gets 410
       with the earliest valid cursor, and that cursor reads the third message. */
    @Test
    void cursorOlderThanTheInboxRetentionIs410WithTheEarliestValidCursor() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(send(TEAM, EXPIRING_OFFICE).getMessageId());
        }
        await().atMost(WAIT).until(() -> inboxOf(EXPIRING_OFFICE).containsAll(sent));
        JsonNode read = http.get(keyOf(EXPIRING_OFFICE), "/api/v1/inbox?after=0&limit=500").json().get("messages");
        int second = read.size() - 2;
        String readFirst = read.get(second - 1).get("cursor").asString();
        deleteBefore(EXPIRING_OFFICE, InboxCursor.parse(read.get(second).get("cursor").asString()).offsets().get(0));

        Answer gone = http.get(keyOf(EXPIRING_OFFICE), "/api/v1/inbox?after=" + readFirst);

        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        Answer resumed = http.get(keyOf(EXPIRING_OFFICE),
                "/api/v1/inbox?after=" + gone.json().get("earliestCursor").asString());
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("messages").valueStream().map(m -> m.get("message").get("messageId").asString()))
                .containsExactly(sent.get(2));
    }

    @Test
    void cursorNamingAPartitionTheInboxDoesNotHaveIs400NamingIt() {
        String cursor = InboxCursor.at(Map.of(0, 0L, 4, 0L)).encode();

        Answer answer = http.get(keyOf(NAV_OFFICE), "/api/v1/inbox?after=" + cursor);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
    }

    @Test
    void cursorPastTheEndOfTheInboxIs400() {
        String cursor = InboxCursor.at(Map.of(0, Long.MAX_VALUE / 2)).encode();

        assertThat(http.get(keyOf(NAV_OFFICE), "/api/v1/inbox?after=" + cursor).status()).isEqualTo(400);
    }

    /* Generated cursors: random text, and well-formed cursors at random partitions and offsets. Each is read (200),
       refused (400) or expired (410), at once: never a failure of the hub, never a wait. */
    @Test
    void anyCursorAPartnerMakesUpIsAnsweredWith200Or400Or410() {
        Random random = new Random(4711);
        for (int i = 0; i < 60; i++) {
            String cursor = i % 2 == 0
                    ? randomText(random)
                    : InboxCursor.at(Map.of(random.nextInt(3), random.nextLong(0, Long.MAX_VALUE))).encode();

            Answer answer = http.get(keyOf(OTHER_NAV_OFFICE),
                    "/api/v1/inbox?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));

            assertThat(answer.status()).as(cursor).isIn(200, 400, 410);
        }
    }

    private static String randomText(Random random) {
        byte[] bytes = new byte[random.nextInt(1, 60)];
        random.nextBytes(bytes);
        return (random.nextBoolean() ? "i" : "") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                .substring(0, random.nextInt(1, bytes.length + 1));
    }

    private void deleteBefore(String partner, long offset) throws Exception {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            admin.deleteRecords(Map.of(new TopicPartition(topics.inboxFor(partner), 0),
                    RecordsToDelete.beforeOffset(offset))).all().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void limitOfZeroIs400NamingIt() {
        Answer answer = http.get(keyOf(NAV_OFFICE), "/api/v1/inbox?limit=0");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void inboxWithoutApiKeyIs401() {
        assertThat(http.get(null, "/api/v1/inbox").status()).isEqualTo(401);
    }
}
