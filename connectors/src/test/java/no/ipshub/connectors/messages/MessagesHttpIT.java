package no.ipshub.connectors.messages;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient.Answer;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/messages}: every answer a partner can get, through the real security and intake. */
@PartnerEdgeTest
class MessagesHttpIT {

    private static final HubMessageJson JSON = new HubMessageJson();

    @LocalServerPort
    int port;

    private PartnerHttpClient http;

    @BeforeEach
    void connect() {
        http = new PartnerHttpClient(port);
    }

    private static HubMessage referral() {
        return HubMessages.referral().caseId("http-" + UUID.randomUUID()).build();
    }

    private static List<String> fieldsOf(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void referralIsAcceptedWith202AndItsMessageId() {
        HubMessage referral = referral();

        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("messageId").asString()).isEqualTo(referral.getMessageId());
        assertThat(answer.json().get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void repeatedMessageIdIsAnswered200AsDuplicate() {
        HubMessage referral = referral();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        Answer again = http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void bodyThatIsNotJsonIs400ProblemForTheWholeDocument() {
        Answer answer = http.postMessage(keyOf(TEAM), "{ this is not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fieldsOf(answer)).containsExactly("$");
    }

    @Test
    void missingFieldsAre400NamingEveryOne() {
        ObjectNode json = (ObjectNode) JsonMapper.builder().build().readTree(JSON.toJson(referral()));
        json.remove("caseId");
        ((ObjectNode) json.get("payload")).remove("participantNationalId");

        Answer answer = http.postMessage(keyOf(TEAM), json.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldsOf(answer)).containsExactlyInAnyOrder("caseId", "payload.participantNationalId");
    }

    @Test
    void invalidFodselsnummerIs422NamingTheField() {
        HubMessage referral = HubMessages.referral().caseId("http-" + UUID.randomUUID())
                .referral(r -> r.setParticipantNationalId("17059012345")).build();

        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fieldsOf(answer)).containsExactly("payload.participantNationalId");
    }

    @Test
    void problemBodyNeverEchoesThePersonalValue() {
        String badId = "17059012345";
        HubMessage referral = HubMessages.referral().caseId("http-" + UUID.randomUUID())
                .referral(r -> r.setParticipantNationalId(badId)).build();

        assertThat(http.postMessage(keyOf(TEAM), JSON.toJson(referral)).body()).doesNotContain(badId);
    }

    @Test
    void everySemanticViolationIsNamedWithItsCode() {
        HubMessage bad = HubMessages.referral().caseId("http-" + UUID.randomUUID()).messageId("not-a-uuid")
                .referral(r -> r.setParticipantNationalId("12345678901")).build();

        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(bad));

        List<String> codes = new ArrayList<>();
        answer.json().get("errors").forEach(e -> codes.add(e.get("field").asString() + " " + e.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("messageId INVALID_FORMAT", "payload.participantNationalId INVALID_CHECKSUM");
    }

    @Test
    void messageWhoseSenderIsAnotherPartnerIs403() {
        HubMessage referral = HubMessages.referral().caseId("http-" + UUID.randomUUID()).sender(OTHER_TEAM).build();

        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(fieldsOf(answer)).containsExactly("sender");
    }

    @Test
    void followUpOfACaseTheCallerDoesNotShareIs403() {
        HubMessage referral = referral();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));
        HubMessage intruding = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(referral.getCaseId())
                .sender(OTHER_NAV_OFFICE).recipient(TEAM).build();

        Answer answer = http.postMessage(keyOf(OTHER_NAV_OFFICE), JSON.toJson(intruding));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("NOT_A_CASE_PARTY");
    }

    @Test
    void followUpOfTheCaseByItsNavOfficeIsAccepted() {
        HubMessage referral = referral();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));
        HubMessage accepted = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(referral.getCaseId())
                .sender(NAV_OFFICE).recipient(TEAM).build();

        assertThat(http.postMessage(keyOf(NAV_OFFICE), JSON.toJson(accepted)).status()).isEqualTo(202);
    }

    @Test
    void bodyOverTheLimitIs413() {
        String tooLarge = "{\"note\": \"" + "x".repeat(300 * 1024) + "\"}";

        Answer answer = http.postMessage(keyOf(TEAM), tooLarge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bodyOverTheLimitSentWithoutALengthIs413() {
        byte[] tooLarge = ("{\"note\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(http.postMessageChunked(keyOf(TEAM), tooLarge).status()).isEqualTo(413);
    }

    @Test
    void requestWithoutApiKeyIs401() {
        assertThat(http.postMessage(null, JSON.toJson(referral())).status()).isEqualTo(401);
    }

    @Test
    void unknownApiKeyIs401() {
        assertThat(http.postMessage("it-key-nobody", JSON.toJson(referral())).status()).isEqualTo(401);
    }

    @Test
    void operatorCannotSendMessages() {
        assertThat(http.postMessage("it-key-operator", JSON.toJson(referral())).status()).isEqualTo(403);
    }

    @Test
    void acceptedAnswerIsPlainJson() {
        JsonNode body = http.postMessage(keyOf(TEAM), JSON.toJson(referral())).json();

        assertThat(body.propertyNames()).containsExactly("messageId", "status");
    }

    @Test
    void dryRunOfAValidMessageIs200WithTheVerdictItWouldGet() {
        HubMessage referral = referral();

        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(referral), "?dryRun=true");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.json().get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void messageSentForRealAfterItsDryRunIsAcceptedWith202() {
        HubMessage referral = referral();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral), "?dryRun=true");

        assertThat(http.postMessage(keyOf(TEAM), JSON.toJson(referral)).status()).isEqualTo(202);
    }

    @Test
    void dryRunOfAMessageAcceptedBeforeIs200Duplicate() {
        HubMessage referral = referral();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(referral), "?dryRun=true");

        assertThat(answer.json().get("status").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void dryRunOfAFollowUpOfACaseTheCallerDoesNotShareIs403() {
        HubMessage referral = referral();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));
        HubMessage intruding = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(referral.getCaseId())
                .sender(OTHER_NAV_OFFICE).recipient(TEAM).build();

        assertThat(http.postMessage(keyOf(OTHER_NAV_OFFICE), JSON.toJson(intruding), "?dryRun=true").status())
                .isEqualTo(403);
    }

    @Test
    void dryRunOfAnInvalidMessageIs422LikeTheRealCall() {
        HubMessage referral = HubMessages.referral().caseId("http-" + UUID.randomUUID())
                .referral(r -> r.setParticipantNationalId("14859143611")).build();

        assertThat(http.postMessage(keyOf(TEAM), JSON.toJson(referral), "?dryRun=true").status()).isEqualTo(422);
    }
}
