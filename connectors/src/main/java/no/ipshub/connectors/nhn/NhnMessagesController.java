package no.ipshub.connectors.nhn;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.Problems;
import no.ipshub.connectors.http.RequestBodies;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.partners.Partner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/nhn/messages}: a partner posts a Hodemelding (MsgHead 1.2) with a Dialogmelding 1.1 as it
 * would send it over Norsk helsenett, and gets the application receipt (AppRec 1.1) back: 200 with OK, 422 with
 * AVVIST and its errors. 403 when the envelope's sender is another partner, 413 over
 * {@code hub.nhn.max-envelope-bytes}, 415 for a body declared as something other than XML, 503 when the hub cannot
 * decide now (no receipt: send the same envelope again).
 */
@RestController
@ConditionalOnProperty(prefix = "hub.nhn", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NhnMessagesController {

    public static final String PATH = "/api/v1/nhn/messages";
    private static final MediaType APPLICATION_XML_UTF8 = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final DialogueIntake intake;
    private final NhnProperties properties;
    private final HttpEdgeProperties edge;

    public NhnMessagesController(DialogueIntake intake, NhnProperties properties, HttpEdgeProperties edge) {
        this.intake = intake;
        this.properties = properties;
        this.edge = edge;
    }

    @PostMapping(path = PATH)
    public ResponseEntity<?> post(@AuthenticationPrincipal Partner partner, HttpServletRequest request)
            throws IOException {
        String type = request.getContentType();
        if (type != null && !isXml(type)) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, PATH,
                    "The body must be a Hodemelding as application/xml or text/xml.", List.of());
        }
        long limit = properties.maxEnvelopeBytes().toBytes();
        byte[] body = RequestBodies.readAtMost(request, limit);
        if (body == null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, PATH,
                    "The envelope is larger than " + limit + " bytes (hub.nhn.max-envelope-bytes).", List.of());
        }
        DialogueIntake.Answer answer = intake.take(body, Optional.of(partner));
        if (answer.forbidden()) {
            return Problems.of(HttpStatus.FORBIDDEN, PATH, "The envelope's sender (by HER-id) is another partner than"
                    + " the caller: a partner posts only its own envelopes.", List.of());
        }
        HttpStatus status = answer.receipt().status() == AppRec.Status.OK ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).contentType(APPLICATION_XML_UTF8).body(answer.receiptXml());
    }

    @ExceptionHandler(TransientFailureException.class)
    ResponseEntity<?> unavailable(TransientFailureException e) {
        return Problems.unavailable(PATH, "The hub cannot take the envelope in now; send the same envelope again"
                + " (one taken in meanwhile is answered OK again).", edge.retryAfterSeconds());
    }

    private static boolean isXml(String contentType) {
        try {
            MediaType media = MediaType.parseMediaType(contentType);
            return media.isCompatibleWith(MediaType.APPLICATION_XML) || media.isCompatibleWith(MediaType.TEXT_XML);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
