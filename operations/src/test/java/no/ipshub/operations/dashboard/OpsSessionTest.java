package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;

class OpsSessionTest {

    @Test
    void theCsrfTokenIsTheSameForTheSameKey() {
        assertThat(OpsSession.csrfToken("key-a")).isEqualTo(OpsSession.csrfToken("key-a"));
    }

    @Test
    void theCsrfTokenDiffersBetweenKeys() {
        assertThat(OpsSession.csrfToken("key-a")).isNotEqualTo(OpsSession.csrfToken("key-b"));
    }

    @Test
    void theCsrfTokenDoesNotContainTheKey() {
        assertThat(OpsSession.csrfToken("demo-key-operator")).doesNotContain("demo-key-operator");
    }

    @Test
    void onlyTheKeysOwnTokenMatches() {
        String token = OpsSession.csrfToken("key-a");

        assertThat(OpsSession.csrfMatches("key-a", token)).isTrue();
        assertThat(OpsSession.csrfMatches("key-b", token)).isFalse();
        assertThat(OpsSession.csrfMatches("key-a", "")).isFalse();
        assertThat(OpsSession.csrfMatches("key-a", null)).isFalse();
    }

    @Test
    void theLoginCookieIsHttpOnlySameSiteStrictForTheWholeSite() {
        ResponseCookie cookie = OpsSession.login("key-a", false, Duration.ofHours(8));

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecure()).isFalse();
    }

    @Test
    void theLoginCookieIsSecureOverHttps() {
        assertThat(OpsSession.login("key-a", true, Duration.ofHours(8)).isSecure()).isTrue();
    }

    @Test
    void theLogoutCookieExpiresAtOnce() {
        assertThat(OpsSession.logout(false).getMaxAge()).isEqualTo(Duration.ZERO);
    }
}
