package no.ipshub.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.connectors.security.ApiKeyHasher;
import no.ipshub.connectors.security.HubRole;
import no.ipshub.connectors.security.HubSecurityProperties;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.YamlPartnerDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class BrowserSignInFormTest {

    private static final String OPERATOR_KEY = "operator-key-for-the-form-test";
    private static final String RESEARCHER_KEY = "researcher-key-for-the-form-test";
    private static final BrowserSignIn RESEARCH = BrowserSignIn.forPages("/research", HubRole.RESEARCHER);

    /** The research pages' form; the page shows the status and message it is given. */
    private static final BrowserSignInForm FORM = new BrowserSignInForm(RESEARCH, authenticator(),
            Duration.ofHours(1), (status, message) -> ResponseEntity.status(status).body(message));

    private static ApiKeyAuthenticator authenticator() {
        HubSecurityProperties accounts = new HubSecurityProperties(List.of(
                new HubSecurityProperties.Account("ops", HubRole.OPERATOR, List.of(ApiKeyHasher.hash(OPERATOR_KEY))),
                new HubSecurityProperties.Account("res", HubRole.RESEARCHER, List.of(ApiKeyHasher.hash(RESEARCHER_KEY)))));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                Map.of("partners", new YamlPartnerDirectory(List.of())));
        return new ApiKeyAuthenticator(beans.getBeanProvider(PartnerDirectory.class), accounts);
    }

    private static MockHttpServletRequest post() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/research/login");
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

        assertThat(BrowserSignInForm.sameOrigin(request)).isTrue();
    }

    @Test
    void aFormPostedFromAnotherOriginIsRefused() {
        MockHttpServletRequest request = post();
        request.addHeader("Origin", "https://evil.example");

        assertThat(BrowserSignInForm.sameOrigin(request)).isFalse();
    }

    @Test
    void aCrossSiteFetchIsRefusedEvenWithoutAnOrigin() {
        MockHttpServletRequest request = post();
        request.addHeader("Sec-Fetch-Site", "cross-site");

        assertThat(BrowserSignInForm.sameOrigin(request)).isFalse();
    }

    @Test
    void aToolThatSendsNeitherHeaderIsNotAForgery() {
        assertThat(BrowserSignInForm.sameOrigin(post())).isTrue();
    }

    @Test
    void aKeyOfTheRoleSignsInWithThePagesCookieAndGoesToThePages() {
        ResponseEntity<String> answer = FORM.signIn(RESEARCHER_KEY, post());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(answer.getHeaders().getLocation()).hasToString("/research");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.SET_COOKIE))
                .startsWith("ips_hub_research=" + RESEARCHER_KEY).contains("HttpOnly").contains("Max-Age=3600");
    }

    @Test
    void aKeyOfAnotherRoleIsRefusedNamingTheAccountItNeeds() {
        ResponseEntity<String> answer = FORM.signIn(OPERATOR_KEY, post());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody()).isEqualTo("This key does not belong to a researcher account.");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void aFormFromAnotherOriginIsRefusedBeforeTheKeyIsLookedAt() {
        MockHttpServletRequest request = post();
        request.addHeader("Origin", "https://evil.example");

        assertThat(FORM.signIn(RESEARCHER_KEY, request).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
