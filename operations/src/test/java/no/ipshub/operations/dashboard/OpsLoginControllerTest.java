package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class OpsLoginControllerTest {

    private static MockHttpServletRequest post() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ops/login");
        request.setScheme("http");
        request.setServerName("hub.example");
        request.setServerPort(8080);
        return request;
    }

    @Test
    void aFormPostedFromTheHubsOwnOriginIsAccepted() {
        MockHttpServletRequest request = post();
        request.addHeader("Origin", "http://hub.example:8080");
        request.addHeader("Sec-Fetch-Site", "same-origin");

        assertThat(OpsLoginController.sameOrigin(request)).isTrue();
    }

    @Test
    void aFormPostedFromAnotherOriginIsRefused() {
        MockHttpServletRequest request = post();
        request.addHeader("Origin", "https://evil.example");

        assertThat(OpsLoginController.sameOrigin(request)).isFalse();
    }

    @Test
    void aCrossSiteFetchIsRefusedEvenWithoutAnOrigin() {
        MockHttpServletRequest request = post();
        request.addHeader("Sec-Fetch-Site", "cross-site");

        assertThat(OpsLoginController.sameOrigin(request)).isFalse();
    }

    @Test
    void aToolThatSendsNeitherHeaderIsNotAForgery() {
        assertThat(OpsLoginController.sameOrigin(post())).isTrue();
    }
}
