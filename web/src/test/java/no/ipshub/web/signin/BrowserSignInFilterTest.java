package no.ipshub.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BrowserSignInFilterTest {

    private static final String OPERATOR_KEY = "operator-key-for-the-filter-test";
    private static final String RESEARCHER_KEY = "researcher-key-for-the-filter-test";
    private static final BrowserSignIn OPS = BrowserSignIn.forPages("/ops", HubRole.OPERATOR);
    private static final BrowserSignIn RESEARCH = BrowserSignIn.forPages("/research", HubRole.RESEARCHER);
    private static final BrowserSignInFilter FILTER = new BrowserSignInFilter(OPS, authenticator());
    private static final BrowserSignInFilter RESEARCH_FILTER = new BrowserSignInFilter(RESEARCH, authenticator());

    private static ApiKeyAuthenticator authenticator() {
        HubSecurityProperties accounts = new HubSecurityProperties(List.of(
                new HubSecurityProperties.Account("ops", HubRole.OPERATOR, List.of(ApiKeyHasher.hash(OPERATOR_KEY))),
                new HubSecurityProperties.Account("res", HubRole.RESEARCHER, List.of(ApiKeyHasher.hash(RESEARCHER_KEY)))));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                Map.of("partners", new YamlPartnerDirectory(List.of())));
        return new ApiKeyAuthenticator(beans.getBeanProvider(PartnerDirectory.class), accounts);
    }

    private static MockHttpServletRequest request(String method, String path, String cookieKey) {
        return request(method, path, OPS.cookie(), cookieKey);
    }

    private static MockHttpServletRequest request(String method, String path, String cookie, String cookieKey) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (cookieKey != null) {
            request.setCookies(new Cookie(cookie, cookieKey));
        }
        return request;
    }

    private static Result run(MockHttpServletRequest request) throws Exception {
        return run(FILTER, request);
    }

    private static Result run(BrowserSignInFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Result(response, (HttpServletRequest) chain.getRequest());
    }

    private record Result(MockHttpServletResponse response, HttpServletRequest passedOn) {
    }

    @Test
    void anOperatorsCookieIsPassedOnAsABearerHeader() throws Exception {
        Result result = run(request("GET", "/api/v1/ops/routes", OPERATOR_KEY));

        assertThat(result.passedOn().getHeader("Authorization")).isEqualTo("Bearer " + OPERATOR_KEY);
    }

    @Test
    void aCookieGetLeavesTheCsrfTokenForThePage() throws Exception {
        MockHttpServletRequest request = request("GET", "/ops", OPERATOR_KEY);

        run(request);

        assertThat(request.getAttribute(BrowserSignIn.CSRF_ATTRIBUTE)).isEqualTo(OPS.csrfToken(OPERATOR_KEY));
    }

    @Test
    void aCookiePostWithoutTheTokenIsRefusedBeforeSecurity() throws Exception {
        Result result = run(request("POST", "/ops/actions/routes/partner-ingress/suspend", OPERATOR_KEY));

        assertThat(result.response().getStatus()).isEqualTo(403);
        assertThat(result.passedOn()).isNull();
    }

    @Test
    void aCookiePostWithTheTokenInTheHeaderGoesOn() throws Exception {
        MockHttpServletRequest request = request("POST", "/ops/actions/routes/partner-ingress/suspend", OPERATOR_KEY);
        request.addHeader(BrowserSignIn.CSRF_HEADER, OPS.csrfToken(OPERATOR_KEY));

        assertThat(run(request).passedOn()).isNotNull();
    }

    @Test
    void aCookieFormPostWithTheTokenAsAFieldGoesOn() throws Exception {
        MockHttpServletRequest request = request("POST", "/ops/logout", OPERATOR_KEY);
        request.setContentType("application/x-www-form-urlencoded");
        request.addParameter(BrowserSignIn.CSRF_PARAMETER, OPS.csrfToken(OPERATOR_KEY));

        assertThat(run(request).passedOn()).isNotNull();
    }

    @Test
    void aRequestWithItsOwnAuthorizationHeaderIsLeftAlone() throws Exception {
        MockHttpServletRequest request = request("POST", "/api/v1/ops/routes/partner-ingress/suspend", OPERATOR_KEY);
        request.addHeader("Authorization", "Bearer " + RESEARCHER_KEY);

        Result result = run(request);

        assertThat(result.passedOn().getHeader("Authorization")).isEqualTo("Bearer " + RESEARCHER_KEY);
    }

    @Test
    void aResearchersCookieIsNotTurnedIntoAHeaderAndIsCleared() throws Exception {
        Result result = run(request("GET", "/api/v1/ops/routes", RESEARCHER_KEY));

        assertThat(result.passedOn().getHeader("Authorization")).isNull();
        assertThat(result.response().getHeader("Set-Cookie")).contains("Max-Age=0");
    }

    @Test
    void aBrowserAskingForAPageWithoutACookieIsSentToTheLoginForm() throws Exception {
        MockHttpServletRequest request = request("GET", "/ops", null);
        request.addHeader("Accept", "text/html");

        assertThat(run(request).response().getRedirectedUrl()).isEqualTo("/ops/login");
    }

    @Test
    void anHtmxPollWithoutAValidCookieIsToldToGoToTheLoginForm() throws Exception {
        MockHttpServletRequest request = request("GET", "/ops/fragments/routes", "expired-key");
        request.addHeader("HX-Request", "true");

        Result result = run(request);

        assertThat(result.response().getStatus()).isEqualTo(401);
        assertThat(result.response().getHeader("HX-Redirect")).isEqualTo("/ops/login");
    }

    @Test
    void aScriptWithoutAnyKeyGoesOnToGetSecuritys401() throws Exception {
        Result result = run(request("GET", "/api/v1/ops/routes", null));

        assertThat(result.passedOn().getHeader("Authorization")).isNull();
    }

    @Test
    void pathsOutsideTheOperationsPagesAreNotTouched() throws Exception {
        Result result = run(request("GET", "/api/v1/inbox", OPERATOR_KEY));

        assertThat(result.passedOn().getHeader("Authorization")).isNull();
    }

    @Test
    void theSignInFormAndTheAssetsAreNotTouched() throws Exception {
        assertThat(run(request("POST", "/ops/login", OPERATOR_KEY)).passedOn().getHeader("Authorization")).isNull();
        assertThat(run(request("GET", "/ops/assets/ops.css", OPERATOR_KEY)).passedOn().getHeader("Authorization"))
                .isNull();
    }

    @Test
    void aSecondPagesSignInTakesItsOwnRolesCookie() throws Exception {
        Result result = run(RESEARCH_FILTER, request("GET", "/api/v1/research/indicators", RESEARCH.cookie(),
                RESEARCHER_KEY));

        assertThat(result.passedOn().getHeader("Authorization")).isEqualTo("Bearer " + RESEARCHER_KEY);
    }

    @Test
    void aSecondPagesSignInRefusesAnotherRolesKeyAndSendsTheBrowserToItsOwnForm() throws Exception {
        MockHttpServletRequest request = request("GET", "/research", RESEARCH.cookie(), OPERATOR_KEY);
        request.addHeader("Accept", "text/html");

        Result result = run(RESEARCH_FILTER, request);

        assertThat(result.response().getRedirectedUrl()).isEqualTo("/research/login");
        assertThat(result.response().getHeader("Set-Cookie")).startsWith("ips_hub_research=").contains("Max-Age=0");
    }

    @Test
    void oneSetOfPagesCookieIsNotReadOnAnother() throws Exception {
        Result result = run(RESEARCH_FILTER, request("GET", "/api/v1/research/indicators", OPS.cookie(),
                RESEARCHER_KEY));

        assertThat(result.passedOn().getHeader("Authorization")).isNull();
    }
}
