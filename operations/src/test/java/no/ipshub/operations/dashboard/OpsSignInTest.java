package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ipshub.connectors.security.HubRole;
import no.ipshub.web.signin.BrowserSignIn;
import org.junit.jupiter.api.Test;

class OpsSignInTest {

    @Test
    void theDashboardsSignInIsTheUsualOneOfTheOpsPagesForOperators() {
        assertThat(OpsSignIn.SIGN_IN).isEqualTo(BrowserSignIn.forPages("/ops", HubRole.OPERATOR));
    }

    @Test
    void theDashboardKeepsItsCookiePathsAndOpenPaths() {
        assertThat(OpsSignIn.SIGN_IN.cookie()).isEqualTo("ips_hub_ops");
        assertThat(OpsSignIn.SIGN_IN.apiPath()).isEqualTo("/api/v1/ops");
        assertThat(OpsSignIn.SIGN_IN.loginPath()).isEqualTo("/ops/login");
        assertThat(OpsSignIn.SIGN_IN.logoutPath()).isEqualTo("/ops/logout");
        assertThat(OpsSignIn.SIGN_IN.openPaths()).isEqualTo(List.of("/ops/login", "/ops/assets/**"));
    }

    @Test
    void theDashboardKeepsItsCsrfTokens() {
        // the token pages signed in before an upgrade still carry
        assertThat(OpsSignIn.SIGN_IN.csrfToken("demo-key-operator"))
                .isEqualTo("N0pCS7exWgTT0JrJwEOLLgbXqI9acpSyXSosjY5Fjgo");
    }
}
