package no.ipshub.operations.dashboard;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;

/**
 * The dashboard's browser session: the operator's API key in an HttpOnly, SameSite=Strict cookie (Secure over
 * HTTPS), read by the same API-key authentication as the bearer header, and the CSRF token that every
 * cookie-authenticated form post must carry.
 *
 * <p>The CSRF token is an HMAC of a fixed label keyed with the API key: another site can neither read the
 * cookie nor compute the token, every hub instance derives the same token without shared state, and the token
 * reveals nothing about the key.
 */
public final class OpsSession {

    /** The login cookie. */
    public static final String COOKIE = "ips_hub_ops";

    /** The header htmx sends the CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The form field plain HTML forms send the CSRF token in. */
    public static final String CSRF_PARAMETER = "_csrf";

    /** Request attribute holding the CSRF token of a cookie-authenticated request, for the page to embed. */
    public static final String CSRF_ATTRIBUTE = OpsSession.class.getName() + ".csrfToken";

    public static final String LOGIN_PATH = "/ops/login";
    public static final String LOGOUT_PATH = "/ops/logout";

    private static final byte[] CSRF_LABEL = "ips-hub-ops-csrf-v1".getBytes(StandardCharsets.UTF_8);

    private OpsSession() {
    }

    /** The API key in the request's login cookie, if any. */
    public static Optional<String> apiKey(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The CSRF token that belongs to this API key. */
    public static String csrfToken(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Whether {@code presented} is the CSRF token of {@code apiKey}, compared in constant time. */
    public static boolean csrfMatches(String apiKey, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(apiKey).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cookie that signs an operator in. */
    public static ResponseCookie login(String apiKey, boolean secure, Duration maxAge) {
        return ResponseCookie.from(COOKIE, apiKey)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    /** The cookie that signs an operator out. */
    public static ResponseCookie logout(boolean secure) {
        return ResponseCookie.from(COOKIE, "")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.ZERO)
                .build();
    }

    /** The request path below the context path. */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
