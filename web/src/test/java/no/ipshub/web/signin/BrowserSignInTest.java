package no.ipshub.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import no.ipshub.connectors.security.HubRole;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;

class BrowserSignInTest {

    private static final BrowserSignIn OPS = BrowserSignIn.forPages("/ops", HubRole.OPERATOR);

    @Test
    void theCsrfTokenIsTheSameForTheSameKey() {
        assertThat(OPS.csrfToken("key-a")).isEqualTo(OPS.csrfToken("key-a"));
    }

    @Test
    void theCsrfTokenDiffersBetweenKeys() {
        assertThat(OPS.csrfToken("key-a")).isNotEqualTo(OPS.csrfToken("key-b"));
    }

    @Test
    void theCsrfTokenDoesNotContainTheKey() {
        assertThat(OPS.csrfToken("demo-key-operator")).doesNotContain("demo-key-operator");
    }

    @Test
    void onlyTheKeysOwnTokenMatches() {
        String token = OPS.csrfToken("key-a");

        assertThat(OPS.csrfMatches("key-a", token)).isTrue();
        assertThat(OPS.csrfMatches("key-b", token)).isFalse();
        assertThat(OPS.csrfMatches("key-a", "")).isFalse();
        assertThat(OPS.csrfMatches("key-a", null)).isFalse();
    }

    @Test
    void theLoginCookieIsHttpOnlySameSiteStrictForTheWholeSite() {
        ResponseCookie cookie = OPS.login("key-a", false, Duration.ofHours(8));

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecure()).isFalse();
    }

    @Test
    void theLoginCookieIsSecureOverHttps() {
        assertThat(OPS.login("key-a", true, Duration.ofHours(8)).isSecure()).isTrue();
    }

    @Test
    void theLogoutCookieExpiresAtOnce() {
        assertThat(OPS.logout(false).getMaxAge()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aPagesUsualSignInIsNamedAfterItsPath() {
        BrowserSignIn research = BrowserSignIn.forPages("/research", HubRole.RESEARCHER);

        assertThat(research.cookie()).isEqualTo("ips_hub_research");
        assertThat(research.apiPath()).isEqualTo("/api/v1/research");
        assertThat(research.loginPath()).isEqualTo("/research/login");
        assertThat(research.logoutPath()).isEqualTo("/research/logout");
        assertThat(research.openPaths()).isEqualTo(List.of("/research/login", "/research/assets/**"));
    }

    @Test
    void oneSetOfPagesCsrfTokenDoesNotMatchOnAnother() {
        BrowserSignIn research = BrowserSignIn.forPages("/research", HubRole.OPERATOR);

        assertThat(research.csrfMatches("key-a", OPS.csrfToken("key-a"))).isFalse();
    }

    @Test
    void theCookieIsOnlyAcceptedOnThePagesAndTheirApi() {
        assertThat(OPS.covers("/ops")).isTrue();
        assertThat(OPS.covers("/ops/fragments/routes")).isTrue();
        assertThat(OPS.covers("/api/v1/ops/routes")).isTrue();
        assertThat(OPS.covers("/opsx")).isFalse();
        assertThat(OPS.covers("/api/v1/inbox")).isFalse();
    }

    @Test
    void theFormAndTheAssetsAreOpen() {
        assertThat(OPS.isOpen("/ops/login")).isTrue();
        assertThat(OPS.isOpen("/ops/assets/ops.css")).isTrue();
        assertThat(OPS.isOpen("/ops/logout")).isFalse();
        assertThat(OPS.isOpen("/ops")).isFalse();
    }
}
