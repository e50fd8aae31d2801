package no.ipshub.connectors.contract;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/partners/{id}/contract}: who may read a contract sheet, and in which form. */
@PartnerEdgeTest
class ContractHttpIT {

    private static final String OPERATOR_KEY = "it-key-operator";

    @LocalServerPort
    int port;

    private PartnerHttpClient http;

    @BeforeEach
    void connect() {
        http = new PartnerHttpClient(port);
    }

    @Test
    void aPartnerReadsItsOwnSheetAsMarkdown() {
        PartnerHttpClient.Answer answer = http.get(keyOf(TEAM), "/api/v1/partners/" + TEAM + "/contract");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/markdown");
        assertThat(answer.body()).contains("ips.ingress." + TEAM + "-v1");
    }

    @Test
    void aBrowserAskingForHtmlGetsAPage() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/partners/" + TEAM + "/contract"))
                .header("Authorization", "Bearer " + keyOf(TEAM)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void anotherPartnersSheetIsForbidden() {
        assertThat(http.get(keyOf(NAV_OFFICE), "/api/v1/partners/" + TEAM + "/contract").status()).isEqualTo(403);
    }

    @Test
    void anOperatorReadsAnyPartnersSheet() {
        assertThat(http.get(OPERATOR_KEY, "/api/v1/partners/" + NAV_OFFICE + "/contract").status()).isEqualTo(200);
    }

    @Test
    void theSheetOfAnUnknownPartnerIsNotFound() {
        assertThat(http.get(OPERATOR_KEY, "/api/v1/partners/nobody/contract").status()).isEqualTo(404);
    }
}
