package no.ipshub.web.page;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The answer every page and fragment is sent in: HTML, a strict content security policy, never cached. */
public final class PageResponses {

    /** The pages may load scripts, styles and data from the hub itself only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private PageResponses() {
    }

    /** {@code body} as a 200 page. */
    public static ResponseEntity<String> html(String body) {
        return html(HttpStatus.OK, body);
    }

    /** {@code body} as a page with {@code status}. */
    public static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
