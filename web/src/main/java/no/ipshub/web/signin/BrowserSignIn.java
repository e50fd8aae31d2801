package no.ipshub.web.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.ipshub.connectors.security.HubRole;
import org.springframework.http.ResponseCookie;

/**
 * The browser sign-in of one set of pages (the operations dashboard under {@code /ops}, say): the caller's API
 * key in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS), read by the same API-key authentication as the
 * bearer header, and the CSRF token that every cookie-authenticated form post must carry. Only keys of
 * {@code role} (and {@code otherRoles}) sign in.
 *
 * <p>The CSRF token is an HMAC of a label naming the pages, keyed with the API key: another site can neither read
 * the cookie nor compute the token, every hub instance derives the same token without shared state, the token
 * reveals nothing about the key, and one set of pages' token is worth nothing on another.
 *
 * <p>Pages declare their sign-in as a bean; {@link no.ipshub.web.PageWebConfiguration} then registers its cookie and
 * CSRF filter, opens its sign-in form and assets to anyone and serves its static files. A controller for the form
 * hands its requests to a {@link BrowserSignInForm}.
 *
 * @param name       short name of the pages, e.g. {@code ops}; part of the CSRF label
 * @param role       the role that signs in here
 * @param cookie     the cookie holding the key
 * @param pagePath   the pages: this path and everything below it
 * @param apiPath    a JSON API below which the cookie is accepted too, e.g. {@code /api/v1/ops}; null for none
 * @param loginPath  the sign-in form (GET shows it, POST signs in)
 * @param logoutPath the sign-out (a cookie-authenticated POST)
 * @param openPaths  paths anyone may fetch: exact paths, or prefixes written {@code /prefix/**}
 * @param otherRoles roles that sign in here beside {@code role} (the research page: table readers)
 */
public record BrowserSignIn(String name, HubRole role, String cookie, String pagePath, String apiPath,
        String loginPath, String logoutPath, List<String> openPaths, List<HubRole> otherRoles) {

    /** The header htmx sends the CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The form field plain HTML forms send the CSRF token in. */
    public static final String CSRF_PARAMETER = "_csrf";

    /** Request attribute holding the CSRF token of a cookie-authenticated request, for the page to embed. */
    public static final String CSRF_ATTRIBUTE = BrowserSignIn.class.getName() + ".csrfToken";

    public BrowserSignIn {
        openPaths = List.copyOf(openPaths);
        otherRoles = otherRoles == null ? List.of() : List.copyOf(otherRoles);
    }

    /** A sign-in of one role. */
    public BrowserSignIn(String name, HubRole role, String cookie, String pagePath, String apiPath, String loginPath,
            String logoutPath, List<String> openPaths) {
        this(name, role, cookie, pagePath, apiPath, loginPath, logoutPath, openPaths, List.of());
    }

    /** True when callers of this role sign in here. */
    public boolean admits(HubRole callerRole) {
        return callerRole == role || otherRoles.contains(callerRole);
    }

    /**
     * The usual sign-in of the pages under {@code pagePath}, e.g. {@code /research}: cookie
     * {@code ips_hub_research}, API {@code /api/v1/research}, form {@code /research/login}, sign-out
     * {@code /research/logout}, open assets under {@code /research/assets/}.
     */
    public static BrowserSignIn forPages(String pagePath, HubRole role, HubRole... otherRoles) {
        String name = pagePath.substring(1);
        String login = pagePath + "/login";
        return new BrowserSignIn(name, role, "ips_hub_" + name, pagePath, "/api/v1" + pagePath, login,
                pagePath + "/logout", List.of(login, pagePath + "/assets/**"), List.of(otherRoles));
    }

    /** The API key in the request's sign-in cookie, if any. */
    public Optional<String> apiKey(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (cookie.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** The CSRF token that belongs to this API key. */
    public String csrfToken(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] label = ("ips-hub-" + name + "-csrf-v1").getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(label));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Whether {@code presented} is the CSRF token of {@code apiKey}, compared in constant time. */
    public boolean csrfMatches(String apiKey, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(apiKey).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cookie that signs a caller in. */
    public ResponseCookie login(String apiKey, boolean secure, Duration maxAge) {
        return ResponseCookie.from(cookie, apiKey)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    /** The cookie that signs a caller out. */
    public ResponseCookie logout(boolean secure) {
        return ResponseCookie.from(cookie, "")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.ZERO)
                .build();
    }

    /** The role's account in words, e.g. "an operator account". */
    String account() {
        StringBuilder roles = new StringBuilder(this.role.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        for (HubRole other : otherRoles) {
            roles.append(" or ").append(other.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return ("aeiou".indexOf(roles.charAt(0)) >= 0 ? "an " : "a ") + roles + " account";
    }

    /** Whether {@code path} is one of the pages. */
    boolean isPage(String path) {
        return path.equals(pagePath) || path.startsWith(pagePath + "/");
    }

    /** Whether the cookie counts on {@code path}: the pages and the API. */
    boolean covers(String path) {
        return isPage(path) || (apiPath != null && (path.equals(apiPath) || path.startsWith(apiPath + "/")));
    }

    /** Whether anyone may fetch {@code path}. */
    boolean isOpen(String path) {
        for (String open : openPaths) {
            boolean match = open.endsWith("/**")
                    ? path.startsWith(open.substring(0, open.length() - 2))
                    : path.equals(open);
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The servlet URL patterns of the cookie filter: the pages and, if any, the API. */
    public List<String> urlPatterns() {
        return apiPath == null ? List.of(pagePath + "/*", pagePath)
                : List.of(pagePath + "/*", pagePath, apiPath + "/*");
    }

    /** The request path below the context path. */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
