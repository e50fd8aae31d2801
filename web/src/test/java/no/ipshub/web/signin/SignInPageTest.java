package no.ipshub.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import no.ipshub.connectors.security.HubRole;
import no.ipshub.web.page.PageResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class SignInPageTest {

    private static final SignInPage RESEARCH = new SignInPage(BrowserSignIn.forPages("/research", HubRole.RESEARCHER),
            "Research page", "researcher");

    @Test
    void theFormPostsToThePagesSignInAndNamesTheirRole() {
        String page = RESEARCH.render("");

        assertThat(page).contains("<title>IPS hub · researcher sign-in</title>")
                .contains("href=\"/research/assets/hub.css\"")
                .contains("action=\"/research/login\"")
                .contains("Research page. Sign in with your researcher API key.")
                .contains("Researcher API key <input type=\"password\" name=\"apiKey\"")
                .doesNotContain("flash");
    }

    @Test
    void aMessageIsShownEscaped() {
        assertThat(RESEARCH.render("<img src=x onerror=alert(1)>"))
                .contains("<p class=\"flash bad\">&lt;img src=x onerror=alert(1)&gt;</p>");
    }

    @Test
    void theFormIsSentWithTheStatusTheContentSecurityPolicyAndNoCaching() {
        ResponseEntity<String> answer = RESEARCH.show(HttpStatus.UNAUTHORIZED, "no");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo(PageResponses.CONTENT_SECURITY_POLICY);
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    }
}
