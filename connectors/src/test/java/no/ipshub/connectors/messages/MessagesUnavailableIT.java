package no.ipshub.connectors.messages;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient.Answer;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.routes.intake.PartnerIngressRoute;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/*
 * The intake that owns the case does not take anything in (its partner-ingress route is suspended here, as it is
 * while a hub restarts or its partitions move). A valid message is still answered 202 from the owner's memory: it
 * is safe on the submission topic and taken in once the intake is back, and sending it again gets 200 DUPLICATE,
 * never a second copy. A refusal that rests on the case's state is the intake's to give: without it the partner
 * gets 503 with Retry-After after hub.ingress.reply-timeout.
 */
@PartnerEdgeTest
class MessagesUnavailableIT {

    private static final HubMessageJson JSON = new HubMessageJson();

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;

    private PartnerHttpClient http;

    @BeforeEach
    void suspendTheOwner() throws Exception {
        http = new PartnerHttpClient(port);
        camel.getRouteController().suspendRoute(PartnerIngressRoute.ROUTE_ID);
    }

    @AfterEach
    void resumeTheOwner() throws Exception {
        camel.getRouteController().resumeRoute(PartnerIngressRoute.ROUTE_ID);
    }

    @Test
    void followUpOfACaseWithoutPartiesWhileTheIntakeIsAwayIs503WithRetryAfter() {
        Answer answer = http.postMessage(keyOf(NAV_OFFICE), JSON.toJson(HubMessages.followUp(
                FollowUpKind.REFERRAL_ACCEPTED).caseId("unanswered-" + UUID.randomUUID()).sender(NAV_OFFICE)
                .recipient(TEAM).build()));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("5");
    }

    @Test
    void validMessageWhileTheIntakeIsAwayIsAcceptedFromMemory() {
        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(HubMessages.referral()
                .caseId("unanswered-" + UUID.randomUUID()).build()));

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void messageSentAgainIsADuplicateOnceTheIntakeIsBack() throws Exception {
        HubMessage referral = HubMessages.referral().caseId("unanswered-" + UUID.randomUUID()).build();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        camel.getRouteController().resumeRoute(PartnerIngressRoute.ROUTE_ID);
        Answer again = http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
    }
}
