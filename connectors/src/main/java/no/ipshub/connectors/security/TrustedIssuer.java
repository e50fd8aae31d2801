package no.ipshub.connectors.security;

import com.nimbusds.jose.proc.BadJOSEException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.schemas.validation.OrganisationNumber;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * One issuer whose access tokens the hub trusts: verifies a token's signature with the issuer's keys (fetched from
 * its JWKS and cached; a token signed with a key the cache does not know makes Nimbus fetch the set again, at most
 * once per {@code jwks-refetch-interval} ({@link JwksFetchThrottle}), so a rotated key is picked up without a
 * restart and unknown key ids cannot hammer the issuer), then its expiry, not-before and audience, and reads the
 * role from its scope and the organisation number from the configured claim.
 */
final class TrustedIssuer {

    /** How long fetching the issuer's metadata or keys may take before the request is answered 503. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** ISO 6523 code of the Norwegian register of legal entities, the prefix of Maskinporten's {@code consumer.ID}. */
    static final String NORWEGIAN_ORGANISATION_PREFIX = "0192:";

    private final HubSecurityProperties.TokenIssuer config;
    private final Clock clock;
    private volatile JwtDecoder decoder;

    TrustedIssuer(HubSecurityProperties.TokenIssuer config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A token's claims once its signature verified and it is within its validity and meant for this hub. */
    Jwt verify(String token) {
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (BadJwtException e) {
            throw (e.getCause() instanceof BadJOSEException ? TokenRefusal.BAD_SIGNATURE : TokenRefusal.MALFORMED)
                    .exception(e);
        } catch (JwtException e) {
            // the keys or the metadata could not be fetched
            throw TokenRefusal.ISSUER_UNREACHABLE.exception(e);
        }
        Instant now = clock.instant();
        Duration skew = config.clockSkew();
        if (jwt.getExpiresAt() == null) {
            throw TokenRefusal.NO_EXPIRY.exception();
        }
        if (now.isAfter(jwt.getExpiresAt().plus(skew))) {
            throw TokenRefusal.EXPIRED.exception();
        }
        if (jwt.getNotBefore() != null && now.isBefore(jwt.getNotBefore().minus(skew))) {
            throw TokenRefusal.NOT_YET_VALID.exception();
        }
        List<String> audience = jwt.getAudience();
        if (audience == null || !audience.contains(config.audience())) {
            throw TokenRefusal.WRONG_AUDIENCE.exception();
        }
        return jwt;
    }

    /** The one role the token's scopes give. */
    HubRole role(Jwt jwt) {
        Set<HubRole> roles = new LinkedHashSet<>();
        for (String scope : scopes(jwt)) {
            HubRole role = config.roleOf(scope);
            if (role != null) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw TokenRefusal.NO_ROLE.exception();
        }
        if (roles.size() > 1) {
            throw TokenRefusal.SEVERAL_ROLES.exception();
        }
        return roles.iterator().next();
    }

    /** The nine-digit organisation number the token names, or null when it names none. */
    String organisation(Jwt jwt) {
        Object value = claim(jwt.getClaims(), config.organisationClaim());
        if (!(value instanceof String text)) {
            return null;
        }
        String number = text.startsWith(NORWEGIAN_ORGANISATION_PREFIX)
                ? text.substring(NORWEGIAN_ORGANISATION_PREFIX.length()) : text;
        return OrganisationNumber.isValid(number) ? number : null;
    }

    String name() {
        return config.name();
    }

    String issuerUri() {
        return config.issuerUri();
    }

    private JwtDecoder decoder() {
        JwtDecoder current = decoder;
        if (current == null) {
            synchronized (this) {
                current = decoder;
                if (current == null) {
                    current = newDecoder();
                    decoder = current;
                }
            }
        }
        return current;
    }

    private JwtDecoder newDecoder() {
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(FETCH_TIMEOUT);
        http.setReadTimeout(FETCH_TIMEOUT);
        RestTemplate rest = new RestTemplate(http);
        rest.getInterceptors().add(new JwksFetchThrottle(config.jwksRefetchInterval()));
        NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = config.jwksUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(config.jwksUri())
                : NimbusJwtDecoder.withIssuerLocation(config.issuerUri());
        NimbusJwtDecoder built = builder
                .restOperations(rest)
                // Maskinporten's tokens say typ JWT, HelseID's at+jwt: the issuer and the signature decide, not typ
                .validateType(false)
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256,
                        SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256,
                        SignatureAlgorithm.PS384, SignatureAlgorithm.PS512, SignatureAlgorithm.ES256,
                        SignatureAlgorithm.ES384)))
                .build();
        // verify() checks the claims itself, so that each failure gets its own reason
        built.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return built;
    }

    private static Set<String> scopes(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : List.of("scope", "scp")) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text) {
                for (String scope : text.trim().split("\\s+")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            } else if (value instanceof Collection<?> list) {
                list.forEach(s -> scopes.add(String.valueOf(s)));
            }
        }
        return scopes;
    }

    /** The claim named {@code path}: a top-level claim of that very name first, else a dotted path into objects. */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }
}
