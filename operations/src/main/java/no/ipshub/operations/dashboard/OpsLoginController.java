package no.ipshub.operations.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.connectors.security.BrowserSignInForm;
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
 * The dashboard's sign-in form and sign-out (see {@link OpsSignIn}); what they do is the shared
 * {@link BrowserSignInForm}, this controller maps their paths and draws the form from {@code ops/login.html}.
 */
@RestController
public class OpsLoginController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final OpsTemplate page = OpsTemplate.load("ops/login.html");
    private final BrowserSignInForm form;

    public OpsLoginController(ApiKeyAuthenticator authenticator, OpsProperties properties) {
        this.form = new BrowserSignInForm(OpsSignIn.SIGN_IN, authenticator, properties.sessionMaxAge(), this::html);
    }

    @GetMapping(OpsSignIn.LOGIN_PATH)
    public ResponseEntity<String> form() {
        return form.form();
    }

    @PostMapping(path = OpsSignIn.LOGIN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> login(@RequestParam(required = false) String apiKey, HttpServletRequest request) {
        return form.signIn(apiKey, request);
    }

    @PostMapping(OpsSignIn.LOGOUT_PATH)
    public ResponseEntity<Void> logout(HttpServletRequest request, Authentication operator) {
        return form.signOut(request, operator);
    }

    private ResponseEntity<String> html(HttpStatus status, String message) {
        String body = page.render(Map.of("message", message.isEmpty() ? "" : OpsFragments.flash(false, message)));
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header("Content-Security-Policy", OpsDashboardController.CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
