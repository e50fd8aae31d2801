package no.ipshub.connectors.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import no.ipshub.partners.Partner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} and puts the caller into the security
 * context. Browsers, which cannot send a bearer token when opening a page, may instead send
 * {@code Authorization: Basic} with the partner id or account name as user and the API key as password.
 *
 * <p>A request without the header goes on anonymously (the authorization rules decide); a request with a
 * key that matches nobody is answered 401 at once, and so is a partner whose API keys are switched off (a
 * suspended partner gets 403). A bearer value shaped like a JWT is an access token, left to Spring Security's
 * resource server. Neither the key nor its hash is ever logged.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    static final String NO_TOKENS = "This hub accepts no access tokens (no trusted token issuer is configured): "
            + "send an API key.";

    private final ApiKeyAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;
    private final boolean tokensAccepted;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
        this(authenticator, entryPoint, false);
    }

    /**
     * @param tokensAccepted whether Spring Security's resource server takes the bearer values shaped like a JWT,
     *                       which this filter then leaves alone
     */
    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, AuthenticationEntryPoint entryPoint,
            boolean tokensAccepted) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
        this.tokensAccepted = tokensAccepted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String bearer = bearerValue(header.strip());
        if (bearer != null && AccessTokenAuthenticator.looksLikeJwt(bearer)) {
            if (tokensAccepted) {
                // the resource server has authenticated it already
                chain.doFilter(request, response);
                return;
            }
            contexts.clearContext();
            entryPoint.commence(request, response, new CallerRefusedException(HttpStatus.UNAUTHORIZED, NO_TOKENS));
            return;
        }
        Optional<ApiKeyAuthentication> caller = authenticate(header.strip());
        if (caller.isPresent() && caller.get().getPrincipal() instanceof Partner partner) {
            try {
                PartnerAdmission.admit(partner, true);
            } catch (CallerRefusedException refused) {
                log.debug("Refused partner {} for {} {}: {}", partner.id(), request.getMethod(),
                        request.getRequestURI(), refused.getMessage());
                contexts.clearContext();
                entryPoint.commence(request, response, refused);
                return;
            }
        }
        if (caller.isEmpty()) {
            log.debug("Refused an unknown API key for {} {}", request.getMethod(), request.getRequestURI());
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(caller.get());
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private static String bearerValue(String header) {
        int space = header.indexOf(' ');
        return space > 0 && "Bearer".equalsIgnoreCase(header.substring(0, space))
                ? header.substring(space + 1).strip() : null;
    }

    private Optional<ApiKeyAuthentication> authenticate(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).strip();
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return authenticator.authenticate(value);
        }
        if ("Basic".equalsIgnoreCase(scheme)) {
            return basic(value);
        }
        return Optional.empty();
    }

    private Optional<ApiKeyAuthentication> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        return authenticator.authenticate(decoded.substring(colon + 1))
                .filter(caller -> caller.getName().equals(name));
    }
}
