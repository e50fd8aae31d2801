package no.ipshub.connectors.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token issuer that rotates its signing key: its JWKS endpoint ({@code /jwks} on a local port) publishes only the
 * current key, under a new key id after each {@link #rotate()}, as Maskinporten and HelseID publish theirs. It
 * counts the fetches of its JWKS.
 */
public final class RotatingKeyIssuer implements AutoCloseable {

    public static final String ISSUER = "https://rotating.issuer.test/";

    private final String issuer;
    private final HttpServer server;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile RSAKey key = newKey("rotating-key-1");
    private int generation = 1;

    public RotatingKeyIssuer() {
        this(ISSUER);
    }

    /** An issuer whose tokens carry {@code issuer} as {@code iss}. */
    public RotatingKeyIssuer(String issuer) {
        this.issuer = issuer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String jwks() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** How many times the JWKS was fetched so far. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Signs with a new key from now on; the old one is gone from the JWKS. */
    public synchronized void rotate() {
        key = newKey("rotating-key-" + ++generation);
    }

    /** A token signed with the current key, valid for five minutes. */
    public String token(String audience, Map<String, Object> claims) {
        return sign(key, audience, claims);
    }

    /** A token signed with a key of its own, under a random key id the JWKS never publishes. */
    public String tokenOfAnUnknownKey(String audience, Map<String, Object> claims) {
        return sign(UNPUBLISHED.updateAndGet(k -> k != null ? k : newKey("unpublished")), audience, claims,
                "unknown-" + UUID.randomUUID());
    }

    private static final AtomicReference<RSAKey> UNPUBLISHED = new AtomicReference<>();

    private String sign(RSAKey signingKey, String audience, Map<String, Object> claims) {
        return sign(signingKey, audience, claims, signingKey.getKeyID());
    }

    private String sign(RSAKey signingKey, String audience, Map<String, Object> claims, String keyId) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .subject("partner-client").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).jwtID(UUID.randomUUID().toString());
        claims.forEach(body::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                .type(JOSEObjectType.JWT).build(), body.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
