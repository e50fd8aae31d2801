package no.ipshub.connectors.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates the access tokens that Spring Security's resource server hands it
 * ({@code Authorization: Bearer <JWT>}): picks the trusted issuer named in the token, lets it verify the token,
 * and maps the token to a caller: a partner by the organisation number it names (the partner's
 * {@code tokenOrganisation}), an operator or researcher by scope. Each refusal says why, without the token.
 */
public class AccessTokenAuthenticator implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenAuthenticator.class);

    private final Map<String, TrustedIssuer> issuers;
    private final ObjectProvider<PartnerDirectory> partners;

    public AccessTokenAuthenticator(List<HubSecurityProperties.TokenIssuer> issuers,
            ObjectProvider<PartnerDirectory> partners, Clock clock) {
        Map<String, TrustedIssuer> byUri = new LinkedHashMap<>();
        issuers.forEach(i -> byUri.put(i.issuerUri(), new TrustedIssuer(i, clock)));
        this.issuers = Map.copyOf(byUri);
        this.partners = partners;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        try {
            TrustedIssuer issuer = issuerOf(token);
            Jwt jwt = issuer.verify(token);
            return caller(issuer, jwt);
        } catch (TokenRefusal.TokenRefusedException e) {
            log.info("Refused an access token: {}", e.reason());
            log.debug("Refused an access token for {}", e.reason(), e.getCause());
            throw e;
        }
    }

    private TrustedIssuer issuerOf(String token) {
        JWT parsed;
        String iss;
        try {
            parsed = JWTParser.parse(token);
            iss = parsed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw TokenRefusal.MALFORMED.exception(e);
        }
        if (parsed instanceof PlainJWT || Algorithm.NONE.equals(parsed.getHeader().getAlgorithm())) {
            throw TokenRefusal.UNSIGNED.exception();
        }
        if (!(parsed instanceof SignedJWT)) {
            throw TokenRefusal.MALFORMED.exception();
        }
        TrustedIssuer issuer = iss == null ? null : issuers.get(iss);
        if (issuer == null) {
            throw TokenRefusal.UNTRUSTED_ISSUER.exception();
        }
        return issuer;
    }

    private Authentication caller(TrustedIssuer issuer, Jwt jwt) {
        HubRole role = issuer.role(jwt);
        String organisation = issuer.organisation(jwt);
        if (role != HubRole.PARTNER) {
            String who = organisation != null ? organisation
                    : Optional.ofNullable(jwt.getClaimAsString("client_id")).orElse(jwt.getSubject());
            return AccessTokenAuthentication.account(new HubAccount(issuer.name() + ":" + who, role), issuer.name());
        }
        if (organisation == null) {
            throw TokenRefusal.NO_ORGANISATION.exception();
        }
        Partner partner = partnerOf(organisation).orElseThrow(TokenRefusal.UNKNOWN_ORGANISATION::exception);
        return AccessTokenAuthentication.partner(PartnerAdmission.admit(partner, false), issuer.name());
    }

    private Optional<Partner> partnerOf(String organisation) {
        PartnerDirectory directory = partners.getIfAvailable();
        if (directory == null) {
            return Optional.empty();
        }
        return directory.all().stream().filter(p -> organisation.equals(p.tokenOrganisation())).findFirst();
    }

    /** Whether a bearer value has the shape of a JWT (three dot-separated parts); API keys never have. */
    public static boolean looksLikeJwt(String bearer) {
        int first = bearer.indexOf('.');
        return first > 0 && bearer.indexOf('.', first + 1) > first && bearer.chars().filter(c -> c == '.').count() == 2;
    }
}
