package no.ipshub.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/*
 * Every rule of the hub against the real paths: the right role passes the security layer (and
 * reaches a controller that echoes the principal), every other role gets 403, no key gets 401. The
 * controllers stand in for the real ones so that the rules are tested without Kafka or a database.
 */
@WebMvcTest
class HubSecurityRulesTest {

    static final String PARTNER_KEY = "partner-key-haukeland";
    static final String PARTNER_NEXT_KEY = "partner-key-haukeland-rotated";
    static final String OPERATOR_KEY = "operator-key-ops";
    static final String RESEARCHER_KEY = "researcher-key-ipsnor";
    static final String TABLE_READER_KEY = "table-reader-key-steering";

    static final Partner HAUKELAND = new Partner("haukeland-tsb", "Haukeland universitetssjukehus, TSB",
            Sector.HEALTH, "983974899",
            List.of(ApiKeyHasher.hash(PARTNER_KEY), ApiKeyHasher.hash(PARTNER_NEXT_KEY)));

    @SpringBootConfiguration
    @Import({HubSecurityConfiguration.class, Endpoints.class})
    static class Config {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PartnerDirectory partnerDirectory() {
            return new PartnerDirectory() {
                @Override
                public Optional<Partner> find(String partnerId) {
                    return all().stream().filter(p -> p.id().equals(partnerId)).findFirst();
                }

                @Override
                public List<Partner> all() {
                    return List.of(HAUKELAND);
                }
            };
        }
    }

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("hub.security.accounts[0].name", () -> "ops");
        registry.add("hub.security.accounts[0].role", () -> "OPERATOR");
        registry.add("hub.security.accounts[0].api-key-hashes[0]", () -> ApiKeyHasher.hash(OPERATOR_KEY));
        registry.add("hub.security.accounts[1].name", () -> "ipsnor");
        registry.add("hub.security.accounts[1].role", () -> "RESEARCHER");
        registry.add("hub.security.accounts[1].api-key-hashes[0]", () -> ApiKeyHasher.hash(RESEARCHER_KEY));
        registry.add("hub.security.accounts[2].name", () -> "steering");
        registry.add("hub.security.accounts[2].role", () -> "TABLE_READER");
        registry.add("hub.security.accounts[2].api-key-hashes[0]", () -> ApiKeyHasher.hash(TABLE_READER_KEY));
    }

    /** Answers on every protected path with who the caller is. */
    @RestController
    static class Endpoints {

        @RequestMapping({"/api/v1/messages", "/api/v1/inbox", "/api/v1/webhook", "/api/v1/roster", "/api/v1/research/**",
            "/research", "/research/**",
            "/ops", "/ops/**",
            "/api/v1/ops/**", "/registry/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/api/v1/unlisted"})
        String whoAmI(@AuthenticationPrincipal Object principal) {
            if (principal instanceof Partner partner) {
                return "partner " + partner.id();
            }
            if (principal instanceof HubAccount account) {
                return account.role() + " " + account.name();
            }
            return "anonymous";
        }
    }

    /** A protected endpoint and the one role allowed on it. */
    enum Rule {
        SEND_MESSAGE(HttpMethod.POST, "/api/v1/messages", HubRole.PARTNER),
        READ_INBOX(HttpMethod.GET, "/api/v1/inbox", HubRole.PARTNER),
        REGISTER_WEBHOOK(HttpMethod.PUT, "/api/v1/webhook", HubRole.PARTNER),
        SHOW_WEBHOOK(HttpMethod.GET, "/api/v1/webhook", HubRole.PARTNER),
        REMOVE_WEBHOOK(HttpMethod.DELETE, "/api/v1/webhook", HubRole.PARTNER),
        SEND_ROSTER(HttpMethod.PUT, "/api/v1/roster", HubRole.PARTNER),
        // both research roles pass this layer; the research module decides per handler which may call it
        RESEARCH_ENTRIES(HttpMethod.GET, "/api/v1/research/log-entries", HubRole.RESEARCHER, HubRole.TABLE_READER),
        RESEARCH_EXPORT(HttpMethod.POST, "/api/v1/research/exports/indicators", HubRole.RESEARCHER, HubRole.TABLE_READER),
        RESEARCH_PAGE(HttpMethod.GET, "/research", HubRole.RESEARCHER, HubRole.TABLE_READER),
        RESEARCH_PAGE_PART(HttpMethod.GET, "/research/timeline", HubRole.RESEARCHER, HubRole.TABLE_READER),
        OPS_PAGE(HttpMethod.GET, "/ops", HubRole.OPERATOR),
        OPS_PAGE_PART(HttpMethod.GET, "/ops/fragments/routes", HubRole.OPERATOR),
        OPS_API_READ(HttpMethod.GET, "/api/v1/ops/routes", HubRole.OPERATOR),
        OPS_API_REPLAY(HttpMethod.POST, "/api/v1/ops/dead-letters/42/replay", HubRole.OPERATOR),
        OPS_AUDIT(HttpMethod.GET, "/api/v1/ops/audit", HubRole.OPERATOR),
        OPS_PARKED_WEBHOOKS(HttpMethod.GET, "/api/v1/ops/webhooks/parked", HubRole.OPERATOR),
        OPS_REPLAY_WEBHOOK(HttpMethod.POST, "/api/v1/ops/webhooks/parked/7/replay", HubRole.OPERATOR),
        REGISTRY_REGISTER(HttpMethod.POST, "/registry/subjects/ips.referral-v1-value/versions", HubRole.OPERATOR),
        REGISTRY_CONFIG(HttpMethod.PUT, "/registry/config/ips.referral-v1-value", HubRole.OPERATOR),
        REGISTRY_DELETE(HttpMethod.DELETE, "/registry/subjects/ips.referral-v1-value", HubRole.OPERATOR);

        final HttpMethod method;
        final String path;
        final HubRole role;
        final List<HubRole> roles;

        Rule(HttpMethod method, String path, HubRole role, HubRole... others) {
            this.method = method;
            this.path = path;
            this.role = role;
            this.roles = java.util.stream.Stream.concat(java.util.stream.Stream.of(role), Arrays.stream(others)).toList();
        }
    }

    /** Endpoints that monitoring and registry clients reach without a key. */
    enum OpenEndpoint {
        HEALTH(HttpMethod.GET, "/actuator/health"),
        READINESS(HttpMethod.GET, "/actuator/health/readiness"),
        PROMETHEUS(HttpMethod.GET, "/actuator/prometheus"),
        REGISTRY_SUBJECTS(HttpMethod.GET, "/registry/subjects"),
        REGISTRY_SCHEMA(HttpMethod.GET, "/registry/schemas/ids/1"),
        REGISTRY_LOOKUP(HttpMethod.POST, "/registry/subjects/ips.referral-v1-value"),
        REGISTRY_COMPATIBILITY(HttpMethod.POST, "/registry/compatibility/subjects/ips.referral-v1-value/versions/latest");

        final HttpMethod method;
        final String path;

        OpenEndpoint(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    @Autowired
    MockMvc mvc;

    static String keyOf(HubRole role) {
        return switch (role) {
            case PARTNER -> PARTNER_KEY;
            case OPERATOR -> OPERATOR_KEY;
            case RESEARCHER -> RESEARCHER_KEY;
            case TABLE_READER -> TABLE_READER_KEY;
        };
    }

    static Stream<Arguments> everyRuleWithEveryOtherRole() {
        return Arrays.stream(Rule.values()).flatMap(rule -> Arrays.stream(HubRole.values())
                .filter(role -> !rule.roles.contains(role))
                .map(role -> Arguments.of(rule, role)));
    }

    static MockHttpServletRequestBuilder call(HttpMethod method, String path) {
        return request(method, path).contentType(MediaType.APPLICATION_JSON).content("{}");
    }

    static MockHttpServletRequestBuilder call(Rule rule, String apiKey) {
        return call(rule.method, rule.path).header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
    }

    @ParameterizedTest(name = "{0} lets {1} through")
    @MethodSource("everyRule")
    void theRightRolePassesTheSecurityLayer(Rule rule, HubRole role) throws Exception {
        mvc.perform(call(rule, keyOf(role)))
            .andExpect(status().isOk())
            .andExpect(content().string(role == HubRole.PARTNER ? "partner haukeland-tsb"
                    : role + " " + (role == HubRole.OPERATOR ? "ops" : "ipsnor")));
    }

    static Stream<Arguments> everyRule() {
        return Arrays.stream(Rule.values()).map(rule -> Arguments.of(rule, rule.role));
    }

    @ParameterizedTest(name = "{0} refuses {1} with 403")
    @MethodSource("everyRuleWithEveryOtherRole")
    void everyOtherRoleIsForbidden(Rule rule, HubRole role) throws Exception {
        mvc.perform(call(rule, keyOf(role)))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(403))
            .andExpect(jsonPath("$.instance").value(rule.path));
    }

    @ParameterizedTest(name = "{0} without a key is 401")
    @MethodSource("everyRuleAlone")
    void aCallWithoutKeyIsUnauthorizedWithABearerChallenge(Rule rule) throws Exception {
        mvc.perform(call(rule.method, rule.path))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ips-hub\""))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(401))
            .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    static Stream<Rule> everyRuleAlone() {
        return Arrays.stream(Rule.values());
    }

    @ParameterizedTest(name = "{0} is open")
    @MethodSource("everyOpenEndpoint")
    void openEndpointsNeedNoKey(OpenEndpoint endpoint) throws Exception {
        mvc.perform(call(endpoint.method, endpoint.path))
            .andExpect(status().isOk())
            .andExpect(content().string("anonymous"));
    }

    static Stream<OpenEndpoint> everyOpenEndpoint() {
        return Arrays.stream(OpenEndpoint.values());
    }

    @ParameterizedTest(name = "an unlisted path refuses {0} with 403")
    @MethodSource("everyRole")
    void anUnlistedPathIsForbiddenToEveryRole(HubRole role) throws Exception {
        mvc.perform(call(HttpMethod.GET, "/api/v1/unlisted").header(HttpHeaders.AUTHORIZATION, "Bearer " + keyOf(role)))
            .andExpect(status().isForbidden());
    }

    static Stream<HubRole> everyRole() {
        return Arrays.stream(HubRole.values());
    }

    @Test
    void anUnlistedPathIsUnauthorizedWithoutKey() throws Exception {
        mvc.perform(call(HttpMethod.GET, "/api/v1/unlisted")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPartnerCannotReadItsInboxWithTheWrongMethod() throws Exception {
        mvc.perform(call(HttpMethod.DELETE, "/api/v1/inbox").header(HttpHeaders.AUTHORIZATION, "Bearer " + PARTNER_KEY))
            .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownKeyIsUnauthorizedEvenOnAnOpenEndpoint() throws Exception {
        mvc.perform(call(HttpMethod.GET, "/registry/subjects").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ips-hub\", error=\"invalid_token\""))
            .andExpect(jsonPath("$.detail").value("The API key is not recognised."));
    }

    @Test
    void anAuthorizationSchemeOtherThanBearerOrBasicIsUnauthorized() throws Exception {
        mvc.perform(call(HttpMethod.GET, "/api/v1/inbox").header(HttpHeaders.AUTHORIZATION, "Token " + PARTNER_KEY))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void bothKeysOfAPartnerInTheMiddleOfARotationAreAccepted() throws Exception {
        mvc.perform(call(Rule.READ_INBOX, PARTNER_KEY)).andExpect(status().isOk());
        mvc.perform(call(Rule.READ_INBOX, PARTNER_NEXT_KEY)).andExpect(status().isOk());
    }

    @Test
    void theOperationsPageOffersBrowsersABasicChallengeToo() throws Exception {
        mvc.perform(call(HttpMethod.GET, "/ops"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"ips-hub\"", "Basic realm=\"ips-hub\", charset=\"UTF-8\""));
    }

    @Test
    void anOperatorBrowserMayUseBasicWithAccountNameAndKey() throws Exception {
        mvc.perform(call(HttpMethod.GET, "/ops").header(HttpHeaders.AUTHORIZATION, basic("ops", OPERATOR_KEY)))
            .andExpect(status().isOk())
            .andExpect(content().string("OPERATOR ops"));
    }

    @Test
    void basicWithAKeyThatBelongsToAnotherNameIsUnauthorized() throws Exception {
        mvc.perform(call(HttpMethod.GET, "/ops").header(HttpHeaders.AUTHORIZATION, basic("ipsnor", OPERATOR_KEY)))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void theHubStartsNoSession() throws Exception {
        MvcResult result = mvc.perform(call(Rule.READ_INBOX, PARTNER_KEY)).andReturn();

        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
    }

    @Test
    void aRefusedRequestDoesNotEchoTheKey() throws Exception {
        MvcResult result = mvc.perform(call(HttpMethod.GET, "/api/v1/inbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer a-secret-that-matches-nobody")).andReturn();

        assertThat(result.getResponse().getContentAsString()).doesNotContain("a-secret-that-matches-nobody");
    }

    private static String basic(String name, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
