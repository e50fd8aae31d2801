package no.ipshub.connectors.nhn;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for the EDI 2.0 API from HelseID: the client credentials grant with a client assertion signed
 * with the client's private key (private_key_jwt, RS256), as HelseID requires of machine clients. A token is kept
 * until {@code hub.nhn.helse-id.refresh-before} ahead of its expiry. Without a configured client the API is
 * called without a token (a local stand-in of the API).
 */
public class HelseIdTokens implements Supplier<Optional<String>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NhnProperties.HelseId config;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private RSAKey key;
    private String token;
    private Instant expires = Instant.MIN;

    public HelseIdTokens(NhnProperties.HelseId config, Duration timeout, Clock clock) {
        this.config = config;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A valid token, or empty when no HelseID client is configured.
     *
     * @throws Edi2Exception (transient) when HelseID does not give one
     */
    @Override
    public synchronized Optional<String> get() {
        if (!config.configured()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expires.minus(config.refreshBefore()))) {
            fetch(now);
        }
        return Optional.of(token);
    }

    private void fetch(Instant now) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", config.clientId());
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion(now));
        form.put("scope", config.scope());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(config.tokenEndpoint())).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Edi2Exception("HelseID's token endpoint: " + e.getClass().getSimpleName(), null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Edi2Exception("interrupted while asking HelseID for a token", null, true, e);
        }
        if (response.statusCode() != 200) {
            throw new Edi2Exception("HelseID's token endpoint answered HTTP " + response.statusCode(),
                    response.statusCode(), true, null);
        }
        JsonNode answer = JSON.readTree(response.body());
        if (answer.get("access_token") == null) {
            throw new Edi2Exception("HelseID's answer has no access_token", 200, true, null);
        }
        token = answer.get("access_token").asString();
        long seconds = answer.has("expires_in") ? answer.get("expires_in").asLong(60) : 60;
        expires = now.plusSeconds(seconds);
    }

    private String assertion(Instant now) {
        try {
            RSAKey signingKey = key();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(config.clientId())
                    .subject(config.clientId())
                    .audience(config.tokenEndpoint())
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(60)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the HelseID client assertion", e);
        }
    }

    private RSAKey key() {
        if (key == null) {
            try {
                JWK jwk = JWK.parse(Files.readString(Path.of(config.privateKeyFile())));
                if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                    throw new IllegalStateException("hub.nhn.helse-id.private-key-file must hold a private RSA JWK");
                }
                key = rsa;
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("cannot read hub.nhn.helse-id.private-key-file as a JWK", e);
            }
        }
        return key;
    }
}
