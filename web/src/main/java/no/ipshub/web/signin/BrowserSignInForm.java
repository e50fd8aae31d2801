package no.ipshub.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import no.ipshub.connectors.security.ApiKeyAuthentication;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/**
 * What the sign-in form of a {@link BrowserSignIn} does: it takes an API key and, when the key belongs to the
 * sign-in's role, sets it in the sign-in cookie and goes on to the pages; the sign-out clears the cookie. The key
 * is checked by the hub's one API-key authenticator and never logged. The pages' own controller maps the form's
 * paths to {@link #form}, {@link #signIn} and {@link #signOut} and draws the form as a {@link Page}.
 */
public final class BrowserSignInForm {

    private static final Logger log = LoggerFactory.getLogger(BrowserSignInForm.class);

    /** Draws the sign-in form with a status and a message for the caller. */
    @FunctionalInterface
    public interface Page {

        /**
         * The form as the answer.
         *
         * @param message plain text to show (the page escapes it); empty for none
         */
        ResponseEntity<String> show(HttpStatus status, String message);
    }

    private final BrowserSignIn signIn;
    private final ApiKeyAuthenticator authenticator;
    private final Duration sessionMaxAge;
    private final Page page;

    public BrowserSignInForm(BrowserSignIn signIn, ApiKeyAuthenticator authenticator, Duration sessionMaxAge,
            Page page) {
        this.signIn = signIn;
        this.authenticator = authenticator;
        this.sessionMaxAge = sessionMaxAge;
        this.page = page;
    }

    /** The empty form. */
    public ResponseEntity<String> form() {
        return page.show(HttpStatus.OK, "");
    }

    /** Signs in with the key from the form: 303 to the pages with the cookie, or the form again saying why not. */
    public ResponseEntity<String> signIn(String apiKey, HttpServletRequest request) {
        if (!sameOrigin(request)) {
            return page.show(HttpStatus.FORBIDDEN, "The sign-in form must be sent from this hub's own page.");
        }
        Optional<ApiKeyAuthentication> caller = Optional.ofNullable(apiKey).map(String::strip)
                .flatMap(authenticator::authenticate);
        if (caller.isEmpty() || !signIn.admits(caller.get().role())) {
            log.info("Sign-in to {} refused from {}", signIn.pagePath(), request.getRemoteAddr());
            return page.show(HttpStatus.UNAUTHORIZED, "This key does not belong to " + signIn.account() + ".");
        }
        log.info("{} signed in to {}", caller.get().getName(), signIn.pagePath());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE,
                        signIn.login(apiKey.strip(), request.isSecure(), sessionMaxAge).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .location(URI.create(request.getContextPath() + signIn.pagePath()))
                .build();
    }

    /**
     * Signs out: 303 to the form with the cookie cleared. A cookie-authenticated form post, so the
     * {@link BrowserSignInFilter} has checked its CSRF token already.
     */
    public ResponseEntity<Void> signOut(HttpServletRequest request, Authentication caller) {
        log.info("{} signed out of {}", caller.getName(), signIn.pagePath());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, signIn.logout(request.isSecure()).toString())
                .location(URI.create(request.getContextPath() + signIn.loginPath()))
                .build();
    }

    /**
     * Whether the browser says the form came from this origin. Browsers send {@code Origin} with every form post
     * (and {@code Sec-Fetch-Site}); a tool without either is not a cross-site forgery.
     */
    public static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String own = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return origin.equalsIgnoreCase(own);
    }
}
