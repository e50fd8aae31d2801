package no.ipshub.web.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.ipshub.connectors.security.ApiKeyAuthentication;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.connectors.security.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a browser use one set of pages and their API with the sign-in cookie of a {@link BrowserSignIn} instead
 * of a bearer header, and guards those cookie-authenticated requests against cross-site request forgery. Runs
 * before Spring Security, on the pages and their API only.
 *
 * <ul>
 *   <li>A request with an {@code Authorization} header passes untouched: scripts keep using the bearer API,
 *       which needs no CSRF token.</li>
 *   <li>A request with the sign-in cookie of a key of the sign-in's role is handed on as if it carried
 *       {@code Authorization: Bearer <key>}, so the hub's one API-key authentication and its role rules decide.
 *       Unless it is a GET, HEAD or OPTIONS it must carry the session's CSRF token ({@value BrowserSignIn#CSRF_HEADER}
 *       header or {@value BrowserSignIn#CSRF_PARAMETER} form field), or it is refused with 403.</li>
 *   <li>A browser asking for a page without a valid cookie is sent to the login form; anything else goes on
 *       unauthenticated and gets the usual 401.</li>
 * </ul>
 */
public class BrowserSignInFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final BrowserSignIn signIn;
    private final ApiKeyAuthenticator authenticator;

    public BrowserSignInFilter(BrowserSignIn signIn, ApiKeyAuthenticator authenticator) {
        this.signIn = signIn;
        this.authenticator = authenticator;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = BrowserSignIn.path(request);
        return !signIn.covers(path) || signIn.isOpen(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> key = signIn.apiKey(request);
        Optional<ApiKeyAuthentication> caller = key.flatMap(authenticator::authenticate)
                .filter(c -> signIn.admits(c.role()));
        if (caller.isEmpty()) {
            if (key.isPresent()) {
                response.addHeader(HttpHeaders.SET_COOKIE, signIn.logout(request.isSecure()).toString());
            }
            if (isHtmx(request)) {
                // htmx follows HX-Redirect before it looks at the status
                response.setHeader("HX-Redirect", request.getContextPath() + signIn.loginPath());
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (wantsPage(request)) {
                response.sendRedirect(request.getContextPath() + signIn.loginPath());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String apiKey = key.get();
        if (!SAFE_METHODS.contains(request.getMethod()) && !signIn.csrfMatches(apiKey, presentedToken(request))) {
            refuse(request, response);
            return;
        }
        request.setAttribute(BrowserSignIn.CSRF_ATTRIBUTE, signIn.csrfToken(apiKey));
        chain.doFilter(new BearerRequest(request, "Bearer " + apiKey), response);
    }

    private static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(BrowserSignIn.CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return request.getParameter(BrowserSignIn.CSRF_PARAMETER);
        }
        return null;
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && signIn.isPage(BrowserSignIn.path(request));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
                "A form post signed in by cookie must carry the session's CSRF token.");
    }

    /** The request with an {@code Authorization} header added. */
    private static final class BearerRequest extends HttpServletRequestWrapper {

        private final String authorization;

        BearerRequest(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? authorization : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(authorization)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            if (names.stream().noneMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase)) {
                names.add(HttpHeaders.AUTHORIZATION);
            }
            return Collections.enumeration(names);
        }
    }
}
