package no.ipshub.operations.dashboard;

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
import no.ipshub.connectors.security.HubRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a browser use the operations pages and API with the login cookie instead of a bearer header, and guards
 * those cookie-authenticated requests against cross-site request forgery. Runs before Spring Security, on
 * {@code /ops/*} and {@code /api/v1/ops/*} only.
 *
 * <ul>
 *   <li>A request with an {@code Authorization} header passes untouched: scripts keep using the bearer API,
 *       which needs no CSRF token.</li>
 *   <li>A request with the login cookie of an operator is handed on as if it carried
 *       {@code Authorization: Bearer <key>}, so the hub's one API-key authentication and its role rules decide.
 *       Unless it is a GET, HEAD or OPTIONS it must carry the session's CSRF token ({@value OpsSession#CSRF_HEADER}
 *       header or {@value OpsSession#CSRF_PARAMETER} form field), or it is refused with 403.</li>
 *   <li>A browser asking for a page without a valid cookie is sent to the login form; anything else goes on
 *       unauthenticated and gets the usual 401.</li>
 * </ul>
 */
public class OpsCookieAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeyAuthenticator authenticator;

    public OpsCookieAuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = OpsSession.path(request);
        boolean ops = path.equals("/ops") || path.startsWith("/ops/") || path.startsWith("/api/v1/ops/")
                || path.equals("/api/v1/ops");
        return !ops || path.equals(OpsSession.LOGIN_PATH) || path.startsWith("/ops/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> key = OpsSession.apiKey(request);
        Optional<ApiKeyAuthentication> caller = key.flatMap(authenticator::authenticate)
                .filter(c -> c.role() == HubRole.OPERATOR);
        if (caller.isEmpty()) {
            if (key.isPresent()) {
                response.addHeader(HttpHeaders.SET_COOKIE, OpsSession.logout(request.isSecure()).toString());
            }
            if (isHtmx(request)) {
                // htmx follows HX-Redirect before it looks at the status
                response.setHeader("HX-Redirect", request.getContextPath() + OpsSession.LOGIN_PATH);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (wantsPage(request)) {
                response.sendRedirect(request.getContextPath() + OpsSession.LOGIN_PATH);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String apiKey = key.get();
        if (!SAFE_METHODS.contains(request.getMethod()) && !OpsSession.csrfMatches(apiKey, presentedToken(request))) {
            refuse(request, response);
            return;
        }
        request.setAttribute(OpsSession.CSRF_ATTRIBUTE, OpsSession.csrfToken(apiKey));
        chain.doFilter(new BearerRequest(request, "Bearer " + apiKey), response);
    }

    private static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(OpsSession.CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return request.getParameter(OpsSession.CSRF_PARAMETER);
        }
        return null;
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && OpsSession.path(request).startsWith("/ops");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"A form post signed in by cookie must carry the session's CSRF token.\","
                + "\"instance\":\"" + OpsHtml.json(request.getRequestURI()) + "\"}");
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
