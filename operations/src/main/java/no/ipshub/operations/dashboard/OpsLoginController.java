package no.ipshub.operations.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.web.signin.BrowserSignInForm;
import no.ipshub.web.signin.SignInPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's sign-in form and sign-out (see {@link OpsSignIn}); what they do is the shared
 * {@link BrowserSignInForm}, this controller maps their paths and draws the pages' shared {@link SignInPage}.
 */
@RestController
public class OpsLoginController {

    private final BrowserSignInForm form;

    public OpsLoginController(ApiKeyAuthenticator authenticator, OpsProperties properties) {
        this.form = new BrowserSignInForm(OpsSignIn.SIGN_IN, authenticator, properties.sessionMaxAge(),
                new SignInPage(OpsSignIn.SIGN_IN, "Operations dashboard", "operator"));
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
}
