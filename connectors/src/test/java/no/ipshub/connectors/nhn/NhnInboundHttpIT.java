package no.ipshub.connectors.nhn;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient.Answer;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/nhn/messages}: Haukeland's IPS team posts Dialogmelding envelopes as its EPJ would send
 * them over Norsk helsenett; the notes reach NAV Bergenhus' inbox as hub messages, and each envelope gets its
 * application receipt. Every test uses envelopes of its own (new MsgIds), so each opens a case of its own.
 */
@PartnerEdgeTest
class NhnInboundHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEAM = "haukeland-tsb";
    private static final String NAV_OFFICE = "nav-bergenhus";
    private static final String XML = "application/xml";
    private static final HubMessageJson JSON = new HubMessageJson();

    @LocalServerPort
    int port;

    @Autowired
    NhnAddressStore addresses;

    private PartnerHttpClient http;

    @BeforeEach
    void partnersHaveTheirHerIds() {
        http = new PartnerHttpClient(port);
        addresses.put(new NhnAddress(TEAM, Envelopes.TEAM_HER_ID, Envelopes.TEAM_ORGANISATION_HER_ID, false),
                Instant.now());
        addresses.put(new NhnAddress(NAV_OFFICE, Envelopes.NAV_OFFICE_HER_ID, null, false), Instant.now());
    }

    private Answer post(String xml) {
        return http.post(keyOf(TEAM), NhnMessagesController.PATH, XML, Envelopes.bytes(xml));
    }

    private List<HubMessage> inboxOf(String partner) {
        List<HubMessage> messages = new ArrayList<>();
        String cursor = "0";
        while (true) {
            JsonNode page = http.get(keyOf(partner), "/api/v1/inbox?after=" + cursor + "&limit=500").json();
            if (page.get("messages").isEmpty()) {
                return messages;
            }
            page.get("messages").forEach(m -> messages.add(JSON.fromJson(m.get("message").toString())));
            cursor = page.get("nextCursor").asString();
        }
    }

    private HubMessage awaitInInbox(String partner, String messageId) {
        return await().atMost(WAIT).until(() -> inboxOf(partner).stream()
                .filter(m -> m.getMessageId().equals(messageId)).findFirst().orElse(null), m -> m != null);
    }

    @Test
    void aFirstMessageIsAnsweredWithAppRecOk() {
        Answer answer = post(Envelopes.first(UUID.randomUUID().toString()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<Status V=\"1\" DN=\"OK\"").contains("http://www.kith.no/xmlstds/apprec/2012-02-15");
    }

    @Test
    void aFirstMessageReachesTheNavOfficesInboxAsADialogueNoteWithItsText() {
        String msgId = UUID.randomUUID().toString();

        post(Envelopes.first(msgId));

        HubMessage note = awaitInInbox(NAV_OFFICE, msgId);
        assertThat(((FollowUp) note.getPayload()).getKind()).isEqualTo(FollowUpKind.DIALOGUE_NOTE);
        assertThat(((FollowUp) note.getPayload()).getNote()).startsWith("Notat: Arbeidsrettet oppfølging\n")
                .contains(Envelopes.NOTE_TEXT);
    }

    @Test
    void aFirstMessageOpensItsCaseWithAReferralFromTheTeamWithoutResearchConsent() {
        String msgId = UUID.randomUUID().toString();

        post(Envelopes.first(msgId));

        HubMessage note = awaitInInbox(NAV_OFFICE, msgId);
        HubMessage referral = inboxOf(NAV_OFFICE).stream()
                .filter(m -> m.getCaseId().equals(note.getCaseId()) && m.getPayload() instanceof Referral)
                .findFirst().orElseThrow();
        assertThat((Referral) referral.getPayload()).extracting(Referral::getReferringTeam, Referral::getNavOffice,
                Referral::getResearchConsent).containsExactly(TEAM, NAV_OFFICE, false);
    }

    @Test
    void aReplyInTheConversationReachesTheSameCase() {
        String first = UUID.randomUUID().toString();
        String reply = UUID.randomUUID().toString();
        post(Envelopes.first(first));

        Answer answer = post(Envelopes.reply(reply, first, first));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(awaitInInbox(NAV_OFFICE, reply).getCaseId()).isEqualTo(awaitInInbox(NAV_OFFICE, first).getCaseId());
    }

    @Test
    void theSameEnvelopeSentAgainIsOkAndDeliveredOnce() {
        String msgId = UUID.randomUUID().toString();
        post(Envelopes.first(msgId));

        Answer again = post(Envelopes.first(msgId));

        assertThat(again.status()).isEqualTo(200);
        awaitInInbox(NAV_OFFICE, msgId);
        assertThat(inboxOf(NAV_OFFICE).stream().filter(m -> m.getMessageId().equals(msgId))).hasSize(1);
    }

    @Test
    void aReplyInAConversationTheHubDoesNotKnowIsAvvistAsAnUnknownCase() {
        String unknown = UUID.randomUUID().toString();

        Answer answer = post(Envelopes.reply(UUID.randomUUID().toString(), unknown, unknown));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("<Status V=\"2\" DN=\"Avvist\"").contains("V=\"E35\"");
    }

    @Test
    void anEnvelopeFromAnUnknownHerIdIsAvvist() {
        String unknownSender = Envelopes.first(UUID.randomUUID().toString()).replace("<Id>990011</Id>", "<Id>990777</Id>");

        Answer answer = post(unknownSender);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("V=\"X99\"").contains("990777").contains("is not an active partner");
    }

    @Test
    void aFirstMessageToAnUnknownReceiverHerIdIsAvvistAsAnUnknownReceiver() {
        String unknownReceiver = Envelopes.first(UUID.randomUUID().toString()).replace("<Id>990021</Id>", "<Id>990888</Id>");

        assertThat(post(unknownReceiver).body()).contains("V=\"E21\"");
    }

    @Test
    void anEnvelopeWhoseSenderIsAnotherPartnerIsForbiddenToTheCaller() {
        Answer answer = http.post(keyOf("unn-ips"), NhnMessagesController.PATH, XML,
                Envelopes.bytes(Envelopes.first(UUID.randomUUID().toString())));

        assertThat(answer.status()).isEqualTo(403);
    }

    /*
     * An envelope failing its schema is refused and never delivered: a valid envelope posted after it reaches
     * the inbox, and the refused one is not there (the inbox keeps the order of the case's partition).
     */
    @Test
    void anEnvelopeFailingItsSchemaIsAvvistAndNeverDelivered() {
        String refused = UUID.randomUUID().toString();
        String accepted = UUID.randomUUID().toString();
        Answer answer = post(Envelopes.first(refused).replace("<MIGversion>v1.2 2006-05-24</MIGversion>",
                "<MIGversion>v9.9</MIGversion>"));
        post(Envelopes.first(accepted));

        awaitInInbox(NAV_OFFICE, accepted);
        assertThat(answer.body()).contains("V=\"T02\"").contains("<Id>" + refused + "</Id></OriginalMsgId>");
        assertThat(inboxOf(NAV_OFFICE)).extracting(HubMessage::getMessageId).doesNotContain(refused);
    }

    @Test
    void bytesThatAreNotXmlAreAvvistAsUnreadable() {
        Answer answer = post("{\"this\": \"is json\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("V=\"T01\"");
    }

    @Test
    void aBodyDeclaredAsJsonIsRefusedAsAnUnsupportedMediaType() {
        Answer answer = http.post(keyOf(TEAM), NhnMessagesController.PATH, "application/json",
                Envelopes.bytes(Envelopes.first(UUID.randomUUID().toString())));

        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void anEnvelopeOverTheSizeLimitIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[3 * 1024 * 1024];

        assertThat(http.post(keyOf(TEAM), NhnMessagesController.PATH, XML, huge).status()).isEqualTo(413);
    }

    @Test
    void anEnvelopeWithoutAKeyIsUnauthorised() {
        assertThat(http.post(null, NhnMessagesController.PATH, XML,
                Envelopes.bytes(Envelopes.first(UUID.randomUUID().toString()))).status()).isEqualTo(401);
    }

    @Test
    void theTextOfANoteNeverReachesTheLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            String msgId = UUID.randomUUID().toString();
            post(Envelopes.first(msgId));
            post(Envelopes.reply(UUID.randomUUID().toString(), "unknown", "unknown"));
            awaitInInbox(NAV_OFFICE, msgId);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .isNotEmpty()
                .noneMatch(line -> line.contains("prøve seg i arbeid") || line.contains("14859143610"));
    }
}
