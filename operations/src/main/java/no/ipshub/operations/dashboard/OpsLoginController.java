package no.ipshub.operations.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.security.ApiKeyAuthentication;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.connectors.security.HubRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's sign-in: a form that takes the operator's API key and, when the key belongs to an operator,
 * sets it in the {@link OpsSession} cookie; and the sign-out that clears it. The key is checked by the hub's one
 * API-key authenticator and never logged.
 */
@RestController
public class OpsLoginController {

    private static final Logger log = LoggerFactory.getLogger(OpsLoginController.class);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ApiKeyAuthenticator authenticator;
    private final OpsProperties properties;
    private final OpsTemplate page = OpsTemplate.load("ops/login.html");

    public OpsLoginController(ApiKeyAuthenticator authenticator, OpsProperties properties) {
        this.authenticator = authenticator;
        this.properties = properties;
    }

    @GetMapping(OpsSession.LOGIN_PATH)
    public ResponseEntity<String> form() {
        return html(HttpStatus.OK, "");
    }

    @PostMapping(path = OpsSession.LOGIN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> login(@RequestParam(required = false) String apiKey, HttpServletRequest request) {
        if (!sameOrigin(request)) {
            return html(HttpStatus.FORBIDDEN, "The sign-in form must be sent from this hub's own page.");
        }
        Optional<ApiKeyAuthentication> caller = Optional.ofNullable(apiKey).map(String::strip)
                .flatMap(authenticator::authenticate);
        if (caller.isEmpty() || caller.get().role() != HubRole.OPERATOR) {
            log.info("Dashboard sign-in refused from {}", request.getRemoteAddr());
            return html(HttpStatus.UNAUTHORIZED, "This key does not belong to an operator account.");
        }
        log.info("Operator {} signed in to the dashboard", caller.get().getName());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE,
                        OpsSession.login(apiKey.strip(), request.isSecure(), properties.sessionMaxAge()).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .location(URI.create(request.getContextPath() + "/ops"))
                .build();
    }

    /** Signs out; a cookie-authenticated form post, so the CSRF filter has checked its token already. */
    @PostMapping(OpsSession.LOGOUT_PATH)
    public ResponseEntity<Void> logout(HttpServletRequest request, Authentication operator) {
        log.info("Operator {} signed out of the dashboard", operator.getName());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, OpsSession.logout(request.isSecure()).toString())
                .location(URI.create(request.getContextPath() + OpsSession.LOGIN_PATH))
                .build();
    }

    /**
     * Whether the browser says the form came from this origin. Browsers send {@code Origin} with every form post
     * (and {@code Sec-Fetch-Site}); a tool without either is not a cross-site forgery.
     */
    static boolean sameOrigin(HttpServletRequest request) {
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

    private ResponseEntity<String> html(HttpStatus status, String message) {
        String body = page.render(Map.of("message", message.isEmpty() ? ""
                : OpsFragments.flash(false, message)));
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header("Content-Security-Policy", OpsDashboardController.CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
