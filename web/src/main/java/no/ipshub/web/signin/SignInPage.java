package no.ipshub.web.signin;

import java.util.Locale;
import java.util.Map;
import no.ipshub.web.page.Layout;
import no.ipshub.web.page.PageResponses;
import no.ipshub.web.page.PageTemplates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The sign-in form of a set of pages, drawn from {@code web/login}: the one form every set of pages shares, with
 * the pages' name, the role whose key signs in, and the path it posts to.
 *
 * @param signIn the pages' sign-in (its form path is where the form posts)
 * @param pages  the pages in words, e.g. {@code Operations dashboard}
 * @param role   the role in words, e.g. {@code operator}
 */
public record SignInPage(BrowserSignIn signIn, String pages, String role) implements BrowserSignInForm.Page {

    @Override
    public ResponseEntity<String> show(HttpStatus status, String message) {
        return PageResponses.html(status, render(message));
    }

    /** The form, with {@code message} (plain text, escaped) above the key field when not empty. */
    public String render(String message) {
        return PageTemplates.render("web/login", Map.of(
                "layout", Layout.plain(role + " sign-in", signIn.pagePath()),
                "action", signIn.loginPath(),
                "pages", pages,
                "role", role,
                "keyLabel", role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1) + " API key",
                "message", message));
    }
}
