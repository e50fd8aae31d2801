package no.ipshub.connectors.tokens;

import static no.ipshub.connectors.support.PartnerHttpClient.keyOf;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import no.ipshub.connectors.support.PartnerEdgeTest;
import no.ipshub.connectors.support.PartnerHttpClient.Answer;
import no.ipshub.connectors.support.PartnerHttpClient;
import no.ipshub.connectors.support.RotatingKeyIssuer;
import no.ipshub.connectors.support.TestTokenIssuer;
import no.ipshub.partners.JdbcPartnerDirectory;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerStatus;
import no.ipshub.partners.PartnerStore;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/*
 * Access tokens from real issuers on local ports beside the API keys: Maskinporten-style tokens (organisation in
 * consumer.ID, JWKS at a given address), HelseID-style tokens (organisation in its own claim, keys found through
 * the issuer's metadata) and an issuer that rotates its key. Every refusal is a 401 problem saying why, without
 * the token; a valid token of one partner writing as another is the 403 of a spoofed sender.
 */
@PartnerEdgeTest
class AccessTokenHttpIT {

    static final String AUDIENCE = "ips-hub";
    static final String PARTNER_SCOPE = "nav:ips-hub/partner";
    static final String OPERATOR_SCOPE = "nav:ips-hub/operator";
    static final String HAUKELAND_ORGANISATION = "983974724";

    static final TestTokenIssuer ISSUERS = TestTokenIssuer.onFreePort();
    static final RotatingKeyIssuer ROTATING = new RotatingKeyIssuer();
    /** Fetched again after this in the test, so that a rotation shows at once; the others keep the default. */
    static final Duration ROTATING_REFETCH_INTERVAL = Duration.ofMillis(300);
    static final RotatingKeyIssuer PROBED = new RotatingKeyIssuer("https://probed.issuer.test/");
    static final int BURST = 100;
    private static final HubMessageJson JSON = new HubMessageJson();

    @DynamicPropertySource
    static void trustedIssuers(DynamicPropertyRegistry registry) {
        String maskinporten = "hub.security.token-issuers[0].";
        registry.add(maskinporten + "name", () -> "maskinporten");
        registry.add(maskinporten + "issuer-uri", () -> ISSUERS.issuer("maskinporten"));
        registry.add(maskinporten + "jwks-uri", () -> ISSUERS.jwks("maskinporten"));
        registry.add(maskinporten + "audience", () -> AUDIENCE);
        registry.add(maskinporten + "scopes.partner", () -> PARTNER_SCOPE);
        registry.add(maskinporten + "scopes.operator", () -> OPERATOR_SCOPE);
        registry.add(maskinporten + "clock-skew", () -> "0s");
        String helseId = "hub.security.token-issuers[1].";
        registry.add(helseId + "name", () -> "helseid");
        registry.add(helseId + "issuer-uri", () -> ISSUERS.issuer("helseid"));
        registry.add(helseId + "audience", () -> AUDIENCE);
        registry.add(helseId + "organisation-claim", () -> "helseid://claims/client/claims/orgnr_parent");
        registry.add(helseId + "scopes.partner", () -> "ips-hub/partner");
        String rotating = "hub.security.token-issuers[2].";
        registry.add(rotating + "name", () -> "rotating");
        registry.add(rotating + "issuer-uri", () -> RotatingKeyIssuer.ISSUER);
        registry.add(rotating + "jwks-uri", ROTATING::jwks);
        registry.add(rotating + "audience", () -> AUDIENCE);
        registry.add(rotating + "scopes.partner", () -> PARTNER_SCOPE);
        registry.add(rotating + "jwks-refetch-interval", () -> ROTATING_REFETCH_INTERVAL.toMillis() + "ms");
        String probed = "hub.security.token-issuers[3].";
        registry.add(probed + "name", () -> "probed");
        registry.add(probed + "issuer-uri", () -> "https://probed.issuer.test/");
        registry.add(probed + "jwks-uri", PROBED::jwks);
        registry.add(probed + "audience", () -> AUDIENCE);
        registry.add(probed + "scopes.partner", () -> PARTNER_SCOPE);
    }

    @AfterAll
    static void stopIssuers() {
        ISSUERS.close();
        ROTATING.close();
        PROBED.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    PartnerStore partnerStore;

    @Autowired
    JdbcPartnerDirectory partners;

    private PartnerHttpClient http;

    @BeforeEach
    void connect() {
        http = new PartnerHttpClient(port);
    }

    private static Map<String, Object> maskinportenClaims(String organisation, String scope) {
        return Map.of("scope", scope,
                "consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + organisation));
    }

    private static String partnerToken() {
        return ISSUERS.token("maskinporten", AUDIENCE, maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE), 120);
    }

    /** Issued an hour ago, expired a minute ago. */
    private static String expiredToken() {
        Map<String, Object> claims = new java.util.HashMap<>(maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE));
        claims.put("iat", Instant.now().minusSeconds(3600).getEpochSecond());
        return ISSUERS.token("maskinporten", AUDIENCE, claims, -60);
    }

    private static String referral() {
        return JSON.toJson(HubMessages.referral().caseId("token-" + UUID.randomUUID()).build());
    }

    private Answer post(String token) {
        return http.postMessage(token, referral());
    }

    private static String reasonOf(Answer answer) {
        return answer.json().get("reason").asString();
    }

    @Test
    void partnerTokenOfMaskinportenSendsAMessageAsThePartnerWithThatOrganisationNumber() {
        assertThat(post(partnerToken()).status()).isEqualTo(202);
    }

    @Test
    void partnerTokenOfHelseIdIsVerifiedWithKeysFoundThroughTheIssuersMetadata() {
        String token = ISSUERS.token("helseid", AUDIENCE, Map.of("scope", "ips-hub/partner",
                "helseid://claims/client/claims/orgnr_parent", HAUKELAND_ORGANISATION), 120);

        assertThat(post(token).status()).isEqualTo(202);
    }

    @Test
    void validTokenOfOnePartnerWritingAsAnotherIs403SpoofedSender() {
        HubMessage asOther = HubMessages.referral().caseId("token-" + UUID.randomUUID()).sender(OTHER_TEAM).build();

        Answer answer = http.postMessage(partnerToken(), JSON.toJson(asOther));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("SPOOFED_SENDER");
    }

    @Test
    void expiredTokenIs401SayingItExpired() {
        String expired = expiredToken();

        Answer answer = post(expired);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("EXPIRED");
    }

    @Test
    void tokenUsedBeforeItsNotBeforeIs401() {
        Map<String, Object> claims = new java.util.HashMap<>(maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE));
        claims.put("nbf", Instant.now().plusSeconds(600).getEpochSecond());

        Answer answer = post(ISSUERS.token("maskinporten", AUDIENCE, claims, 1200));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("NOT_YET_VALID");
    }

    @Test
    void tokenOfAnIssuerTheHubDoesNotTrustIs401() {
        String foreign = ISSUERS.token("untrusted", AUDIENCE,
                maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE), 120);

        Answer answer = post(foreign);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("UNTRUSTED_ISSUER");
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        String elsewhere = ISSUERS.token("maskinporten", "another-service",
                maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE), 120);

        Answer answer = post(elsewhere);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("WRONG_AUDIENCE");
    }

    @Test
    void tokenOfAnOrganisationWithoutAPartnerIs401() {
        String stranger = ISSUERS.token("maskinporten", AUDIENCE, maskinportenClaims("974760673", PARTNER_SCOPE), 120);

        Answer answer = post(stranger);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("UNKNOWN_ORGANISATION");
    }

    @Test
    void tokenWhosePayloadWasChangedAfterSigningIs401BadSignature() {
        String[] parts = partnerToken().split("\\.");
        String otherPartner = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace(HAUKELAND_ORGANISATION, "983974899");
        String tampered = parts[0] + "." + Base64URL.encode(otherPartner) + "." + parts[2];

        Answer answer = post(tampered);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void unsignedTokenIs401() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUERS.issuer("maskinporten"))
                .audience(AUDIENCE).expirationTime(java.util.Date.from(Instant.now().plusSeconds(120)))
                .claim("scope", PARTNER_SCOPE)
                .claim("consumer", Map.of("ID", "0192:" + HAUKELAND_ORGANISATION)).build()).serialize();

        Answer answer = post(unsigned);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(reasonOf(answer)).isEqualTo("UNSIGNED");
    }

    @Test
    void tokenWithoutTheScopeOfARoleIs401() {
        String token = ISSUERS.token("maskinporten", AUDIENCE,
                maskinportenClaims(HAUKELAND_ORGANISATION, "nav:some-other/api"), 120);

        assertThat(reasonOf(post(token))).isEqualTo("NO_ROLE");
    }

    @Test
    void refusalNamesNeitherTheTokenNorItsClaims() {
        String expired = expiredToken();

        Answer answer = post(expired);

        assertThat(answer.body()).doesNotContain(expired.split("\\.")[1]).doesNotContain(HAUKELAND_ORGANISATION);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void operatorScopeGivesTheOperatorRole() {
        String token = ISSUERS.token("maskinporten", AUDIENCE, maskinportenClaims("889640782", OPERATOR_SCOPE), 120);

        assertThat(http.get(token, "/api/v1/ops/webhooks/parked").status()).isEqualTo(200);
    }

    @Test
    void partnerTokenMayNotUseTheOperatorsApi() {
        assertThat(http.get(partnerToken(), "/api/v1/ops/webhooks/parked").status()).isEqualTo(403);
    }

    @Test
    void keyRotatedByTheIssuerIsPickedUpWithoutARestart() {
        Map<String, Object> claims = maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE);
        assertThat(post(ROTATING.token(AUDIENCE, claims)).status()).isEqualTo(202);

        ROTATING.rotate();

        String rotated = ROTATING.token(AUDIENCE, claims);
        // a token of the new key may come within the refetch interval of the last fetch: it is refused until then
        await().atMost(Duration.ofSeconds(10)).pollInterval(ROTATING_REFETCH_INTERVAL.dividedBy(3))
                .until(() -> post(rotated).status() == 202);
    }

    /* A burst of tokens whose key ids the issuer never published, all at once: each is refused, the issuer asked once. */
    @Test
    void aBurstOfTokensWithUnknownKeyIdsFetchesTheIssuersKeysAtMostTwice() throws Exception {
        Map<String, Object> claims = maskinportenClaims(HAUKELAND_ORGANISATION, PARTNER_SCOPE);
        List<String> tokens = IntStream.range(0, BURST).mapToObj(i -> PROBED.tokenOfAnUnknownKey(AUDIENCE, claims))
                .toList();
        int before = PROBED.jwksFetches();
        ExecutorService callers = Executors.newFixedThreadPool(25);
        List<Answer> answers;
        try {
            List<Future<Answer>> pending = tokens.stream().map(t -> callers.submit(() -> post(t))).toList();
            answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(answers).hasSize(BURST).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(reasonOf(answer)).isEqualTo("BAD_SIGNATURE");
        });
        // the first fetch of the keys, and one more if the burst outlasted the default five-second interval
        assertThat(PROBED.jwksFetches() - before).isBetween(1, 2);
    }

    @Test
    void partnerWhoseApiKeysAreSwitchedOffIsRefusedItsKeyButNotItsToken() {
        Partner haukeland = partnerStore.load(TEAM).orElseThrow();
        change(new Partner(haukeland.id(), haukeland.displayName(), haukeland.sector(), haukeland.organisation(),
                haukeland.apiKeyHashes(), haukeland.tokenOrganisation(), haukeland.status(), false));
        try {
            Answer byKey = post(keyOf(TEAM));

            assertThat(byKey.status()).isEqualTo(401);
            assertThat(byKey.json().get("detail").asString()).contains("API keys are switched off");
            assertThat(post(partnerToken()).status()).isEqualTo(202);
        } finally {
            change(haukeland);
        }
    }

    @Test
    void suspendedPartnerIs403WithItsTokenAndItsKey() {
        Partner haukeland = partnerStore.load(TEAM).orElseThrow();
        change(haukeland.withStatus(PartnerStatus.SUSPENDED));
        try {
            Answer byToken = post(partnerToken());
            Answer byKey = post(keyOf(TEAM));

            assertThat(byToken.status()).isEqualTo(403);
            assertThat(byToken.json().get("detail").asString()).contains("suspended");
            assertThat(byKey.status()).isEqualTo(403);
        } finally {
            change(haukeland);
        }
    }

    private void change(Partner partner) {
        partnerStore.update(partner);
        partners.refresh();
    }
}
