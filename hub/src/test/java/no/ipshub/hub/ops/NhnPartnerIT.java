package no.ipshub.hub.ops;

import static no.ipshub.hub.ops.OpsTestHub.JSON;
import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE_KEY;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TEAM_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/*
 * The walk-through of a partner on Norsk helsenett (docs/norsk-helsenett.md), on the whole hub with the demo partners
 * and keys: an operator gives Haukeland's team and NAV Bergenhus their HER-ids, the team's EPJ posts the sample
 * Dialogmelding and gets AppRec OK, and the note is in NAV Bergenhus' inbox; the changes are in the audit trail, the
 * HER-ids on the contract sheet, and the dashboard has its Norsk helsenett section.
 */
@ExtendWith(OpsTestHub.Extension.class)
class NhnPartnerIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String SAMPLE = "nhn/samples/first-message-haukeland-to-nav-bergenhus.xml";
    private static final String SAMPLE_MSG_ID = "6b1d3c2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static OpsTestHub hub;

    @BeforeAll
    static void anOperatorGivesThePartnersTheirHerIds() {
        hub = OpsTestHub.shared();
        assertThat(put("/api/v1/ops/partners/haukeland-tsb/nhn", "{\"herId\":990011,\"organisationHerId\":990001}")
                .statusCode()).isEqualTo(200);
        assertThat(put("/api/v1/ops/partners/nav-bergenhus/nhn", "{\"herId\":990021}").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> put(String path, String json) {
        return hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", "Bearer " + OPERATOR_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> postSample() {
        byte[] envelope;
        try (InputStream in = NhnPartnerIT.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            envelope = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/nhn/messages"))
                .header("Authorization", "Bearer " + TEAM_KEY).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)));
    }

    @Test
    void theSampleEnvelopeIsAnsweredWithAppRecOk() {
        HttpResponse<String> answer = postSample();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Status V=\"1\" DN=\"OK\"/>", "<Id>" + SAMPLE_MSG_ID + "</Id>");
    }

    @Test
    void theSampleNoteReachesNavBergenhusInbox() {
        postSample();

        await().atMost(SOON).until(() -> hub.get("/api/v1/inbox?after=0&limit=500", NAV_OFFICE_KEY).body(),
                body -> body.contains("\"messageId\":\"" + SAMPLE_MSG_ID + "\"") && body.contains("DIALOGUE_NOTE"));
    }

    @Test
    void aHerIdAnotherPartnerHasIsAConflict() {
        assertThat(put("/api/v1/ops/partners/unn-ips/nhn", "{\"herId\":990011}").statusCode()).isEqualTo(409);
    }

    @Test
    void aHerIdThatIsNoNumberFromOneUpIsABadRequest() {
        HttpResponse<String> answer = put("/api/v1/ops/partners/unn-ips/nhn", "{\"herId\":0}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("herId");
    }

    @Test
    void anAddressOfAnUnknownPartnerIsNotFound() {
        assertThat(put("/api/v1/ops/partners/no-such-partner/nhn", "{\"herId\":990555}").statusCode()).isEqualTo(404);
    }

    @Test
    void settingAHerIdIsInTheAuditTrail() {
        JsonNode audit = hub.getJson("/api/v1/ops/audit?limit=500");

        assertThat(audit.toString()).contains("PARTNER_NHN_ADDRESS_SET").contains("herId=990011");
    }

    @Test
    void theContractSheetShowsThePartnersHerIds() {
        assertThat(hub.get("/api/v1/partners/haukeland-tsb/contract", TEAM_KEY).body())
                .contains("| your HER-id (communication party) | `990011` |");
    }

    @Test
    void theDashboardHasANorskHelsenettSection() {
        assertThat(hub.get("/ops/fragments/nhn", OPERATOR_KEY).body()).contains("id=\"nhn\"", "AppRec OK");
    }

    @Test
    void aPartnerReadsItsOwnDeliveryStatus() {
        HttpResponse<String> answer = hub.get("/api/v1/nhn/deliveries", TEAM_KEY);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).has("deliveries")).isTrue();
    }
}
