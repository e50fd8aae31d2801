package no.ipshub.connectors.messages;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.routes.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.connectors.support.PartnerHttpClient.Answer;
import no.ipshub.routes.ingress.PartnerIngressRoute;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/*
 * The instance that owns the case does not answer (its partner-ingress route is suspended here, as it is while a
 * hub restarts or its partitions move): the partner gets 503 with Retry-After after hub.ingress.reply-timeout,
 * and the message, already safe on the ingress topic, is taken in once the owner is back; sending it again then
 * gets 200 DUPLICATE, never a second copy.
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
    void messageNobodyAnswersIs503WithRetryAfter() {
        Answer answer = http.postMessage(keyOf(TEAM), JSON.toJson(HubMessages.referral()
                .caseId("unanswered-" + UUID.randomUUID()).build()));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("5");
    }

    @Test
    void messageSentAgainAfterA503IsADuplicateOnceTheOwnerIsBack() throws Exception {
        HubMessage referral = HubMessages.referral().caseId("unanswered-" + UUID.randomUUID()).build();
        http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        camel.getRouteController().resumeRoute(PartnerIngressRoute.ROUTE_ID);
        Answer again = http.postMessage(keyOf(TEAM), JSON.toJson(referral));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
    }
}
