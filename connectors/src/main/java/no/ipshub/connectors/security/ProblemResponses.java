package no.ipshub.connectors.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused requests as RFC 9457 {@code application/problem+json}: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge when the caller is unknown, 403 when the caller's role does not
 * allow the request, and for a {@link CallerRefusedException} its own status and reason (an access token's
 * refusal also as a code in {@code reason}). The bodies name no key, token, hash or partner.
 */
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The realm named in challenges. */
    public static final String REALM = "ips-hub";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int retryAfterSeconds;

    public ProblemResponses() {
        this(5);
    }

    /** @param retryAfterSeconds the {@code Retry-After} of a 503 when a token issuer's keys cannot be fetched */
    public ProblemResponses(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof CallerRefusedException refused) {
            refuse(request, response, refused);
            return;
        }
        boolean keyPresented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String bearer = "Bearer realm=\"" + REALM + "\"" + (keyPresented ? ", error=\"invalid_token\"" : "");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, bearer);
        if (isBrowserPage(request)) {
            // Lets a browser ask for the account name and API key on the operations pages.
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, keyPresented
                ? "The API key is not recognised."
                : "This request needs an API key: send it as 'Authorization: Bearer <api key>'.");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, CallerRefusedException refused)
            throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (refused instanceof TokenRefusal.TokenRefusedException token) {
            extra.put("reason", token.reason().name());
        }
        if (refused.status() == HttpStatus.UNAUTHORIZED) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
        }
        if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.addHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
        write(request, response, refused.status(), refused.getMessage(), extra);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    private static boolean isBrowserPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/ops") || path.startsWith("/ops/");
    }

    /** Answers with a problem+json of {@code status} naming the request's URI; public for the pages' sign-in filter. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        write(request, response, status, detail, Map.of());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail, Map<String, Object> extra) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
