package no.ipshub.hub.ops;

import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.RESEARCHER_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TEAM_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import no.ipshub.operations.dashboard.OpsSignIn;
import no.ipshub.web.signin.BrowserSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/*
 * Who may use the operations pages and API: every endpoint answers 401 without a key and 403 to a partner or a
 * researcher; the browser's login cookie works only for operators and only with the CSRF token on posts, while
 * the bearer API needs no token.
 */
@ExtendWith(OpsTestHub.Extension.class)
class OpsSecurityIT {

    private static final String MISSING = UUID.randomUUID().toString();
    private static OpsTestHub hub;

    @BeforeAll
    static void startHub() {
        hub = OpsTestHub.shared();
    }

    /** Every operations endpoint; ids that match nothing, so a call that got through would change nothing. */
    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/ops/routes"),
                new Endpoint("GET", "/api/v1/ops/routes/partner-ingress"),
                new Endpoint("POST", "/api/v1/ops/routes/no-such-route/suspend"),
                new Endpoint("POST", "/api/v1/ops/routes/no-such-route/resume"),
                new Endpoint("GET", "/api/v1/ops/throughput"),
                new Endpoint("GET", "/api/v1/ops/lag"),
                new Endpoint("GET", "/api/v1/ops/partners"),
                new Endpoint("GET", "/api/v1/ops/registry"),
                new Endpoint("GET", "/api/v1/ops/health"),
                new Endpoint("GET", "/api/v1/ops/deadletters"),
                new Endpoint("GET", "/api/v1/ops/deadletters/counts"),
                new Endpoint("GET", "/api/v1/ops/deadletters/" + MISSING),
                new Endpoint("POST", "/api/v1/ops/deadletters/" + MISSING + "/replay"),
                new Endpoint("POST", "/api/v1/ops/deadletters/replay"),
                new Endpoint("POST", "/api/v1/ops/deadletters/" + MISSING + "/discard"),
                new Endpoint("GET", "/ops"),
                new Endpoint("GET", "/ops/fragments/routes"),
                new Endpoint("GET", "/ops/fragments/lag"),
                new Endpoint("GET", "/ops/fragments/deadletter-counts"),
                new Endpoint("GET", "/ops/fragments/deadletters"),
                new Endpoint("GET", "/ops/fragments/deadletter/" + MISSING),
                new Endpoint("GET", "/ops/fragments/partners"),
                new Endpoint("GET", "/ops/fragments/registry"),
                new Endpoint("GET", "/ops/fragments/health"),
                new Endpoint("GET", "/ops/fragments/webhooks"),
                new Endpoint("POST", "/ops/actions/routes/no-such-route/suspend"),
                new Endpoint("POST", "/ops/actions/routes/no-such-route/resume"),
                new Endpoint("POST", "/ops/actions/deadletters/" + MISSING + "/replay"),
                new Endpoint("POST", "/ops/actions/deadletters/replay-matching?partner=nobody-at-all"),
                new Endpoint("POST", "/ops/actions/deadletters/discard"),
                new Endpoint("POST", "/ops/actions/webhooks/0/replay"),
                new Endpoint("POST", "/ops/logout"),
                new Endpoint("GET", "/ops/webjars/htmx.org/dist/htmx.min.js"));
    }

    static Stream<Arguments> endpointsAndWrongKeys() {
        return endpoints().stream().flatMap(e -> Stream.of(
                Arguments.of(e, TEAM_KEY),
                Arguments.of(e, RESEARCHER_KEY)));
    }

    @ParameterizedTest(name = "{0} without a key")
    @MethodSource("endpoints")
    void everyEndpointAnswers401WithoutAKey(Endpoint endpoint) {
        assertThat(call(endpoint, null).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndWrongKeys")
    void everyEndpointAnswers403ToAPartnerOrAResearcher(Endpoint endpoint, String key) {
        assertThat(call(endpoint, key).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} as operator")
    @MethodSource("endpoints")
    void everyEndpointLetsTheOperatorThrough(Endpoint endpoint) {
        assertThat(call(endpoint, OPERATOR_KEY).statusCode()).isNotIn(401, 403);
    }

    @Test
    void aBrowserAskingForTheDashboardWithoutACookieIsSentToTheLoginForm() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/ops"))
                .header("Accept", "text/html,application/xhtml+xml"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ops/login"));
    }

    @Test
    void theLoginFormIsOpenToAnyone() {
        HttpResponse<String> response = hub.get("/ops/login", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("name=\"apiKey\"");
    }

    @Test
    void anOperatorKeySignsInWithAnHttpOnlySameSiteStrictCookie() {
        HttpResponse<String> response = login(OPERATOR_KEY, null);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith(OpsSignIn.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("Secure"));
    }

    @Test
    void aPartnerKeyCannotSignIn() {
        HttpResponse<String> response = login(TEAM_KEY, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        assertThat(login(OPERATOR_KEY, "https://evil.example").statusCode()).isEqualTo(403);
    }

    @Test
    void theCookieReadsTheApiAsTheOperator() {
        HttpResponse<String> response = withCookie(OPERATOR_KEY, "GET", "/api/v1/ops/routes", null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aPartnersKeyInTheCookieIsNotAccepted() {
        assertThat(withCookie(TEAM_KEY, "GET", "/api/v1/ops/routes", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCookiePostWithoutTheCsrfTokenIsRefused() {
        assertThat(withCookie(OPERATOR_KEY, "POST", "/api/v1/ops/routes/no-such-route/suspend", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCookiePostWithAnotherKeysCsrfTokenIsRefused() {
        String token = OpsSignIn.SIGN_IN.csrfToken("some-other-key");

        assertThat(withCookie(OPERATOR_KEY, "POST", "/api/v1/ops/routes/no-such-route/suspend", token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCookiePostWithTheSessionsCsrfTokenGoesThrough() {
        String token = OpsSignIn.SIGN_IN.csrfToken(OPERATOR_KEY);

        // 404: authenticated and past the CSRF check, and there is no such route
        assertThat(withCookie(OPERATOR_KEY, "POST", "/api/v1/ops/routes/no-such-route/suspend", token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBearerPostNeedsNoCsrfToken() {
        assertThat(hub.post("/api/v1/ops/routes/no-such-route/suspend", OPERATOR_KEY, "").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> login(String key, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + OpsSignIn.LOGIN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + key));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return hub.send(request);
    }

    private static HttpResponse<String> withCookie(String key, String method, String path, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Cookie", OpsSignIn.COOKIE + "=" + key)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header(BrowserSignIn.CSRF_HEADER, csrf);
        }
        return hub.send(request);
    }

    private static HttpResponse<String> call(Endpoint endpoint, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + endpoint.path()))
                .header("Content-Type", "application/json")
                .method(endpoint.method(), endpoint.method().equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return hub.send(request);
    }

    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
