package no.ipshub.connectors.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.Problems;
import no.ipshub.connectors.http.RequestBodies;
import no.ipshub.partners.Partner;
import no.ipshub.routes.intake.IntakeResult;
import no.ipshub.routes.intake.MessageSubmissions;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.routes.validation.Violation;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.json.HubMessageJsonException;
import no.ipshub.schemas.v1.HubMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/messages}: a partner sends one message in its JSON form. 202 once it is committed on its
 * canonical topic and in its recipient's inbox, 200 with the same body for a message id accepted before, 400 for
 * JSON that is not a message, 422 for a message that breaks a rule, 403 when the caller may not send it, 413 for
 * a body over {@code hub.http.max-body-bytes} (refused before it is parsed).
 *
 * <p>{@code ?dryRun=true} runs every check of a real submission (the case's parties and the duplicate check
 * included) and answers as the real call would, except that an acceptable message gets 200 instead of 202, with
 * {@code "dryRun": true}; nothing is published or recorded.
 */
@RestController
public class MessagesController {

    public static final String PATH = "/api/v1/messages";
    private static final Logger log = LoggerFactory.getLogger(MessagesController.class);

    private final MessageSubmissions intake;
    private final HubMessageJson json;
    private final HttpEdgeProperties properties;

    public MessagesController(MessageSubmissions intake, HubMessageJson json, HttpEdgeProperties properties) {
        this.intake = intake;
        this.json = json;
        this.properties = properties;
    }

    /** The answer to an accepted or repeated message; {@code dryRun} is true only for a dry run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageReceipt(String messageId, IntakeResult.Status status, Boolean dryRun) {

        MessageReceipt(String messageId, IntakeResult.Status status) {
            this(messageId, status, null);
        }
    }

    @PostMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<?> submit(@AuthenticationPrincipal Partner partner, HttpServletRequest request,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) throws IOException {
        long limit = properties.maxBodyBytes().toBytes();
        byte[] body = RequestBodies.readAtMost(request, limit);
        if (body == null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, PATH,
                    "The body is larger than " + limit + " bytes (hub.http.max-body-bytes).", List.of());
        }
        HubMessage message;
        try {
            message = json.fromJson(body);
        } catch (HubMessageJsonException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, PATH, "The body is not a HubMessage in its JSON form.",
                    e.errors().stream().map(err -> Problems.error(err.field(), err.message())).toList());
        }
        IntakeResult result = intake.submit(message, partner.id(), dryRun);
        return switch (result.status()) {
            case ACCEPTED -> dryRun
                    ? ResponseEntity.ok(new MessageReceipt(result.messageId(), result.status(), true))
                    : ResponseEntity.status(HttpStatus.ACCEPTED).body(new MessageReceipt(result.messageId(), result.status()));
            case DUPLICATE -> ResponseEntity.ok(new MessageReceipt(result.messageId(), result.status(), dryRun ? true : null));
            case REJECTED -> rejected(partner, result);
            case FAILED -> Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, PATH,
                    "The hub failed on this message; operators find it among the dead letters.", List.of());
        };
    }

    private static ResponseEntity<Map<String, Object>> rejected(Partner partner, IntakeResult result) {
        List<Violation> violations = result.violations();
        boolean forbidden = Violation.anyForbidden(violations);
        log.info("Refused message {} from {} with {}: {}", MessageIds.loggable(result.messageId()), partner.id(),
                forbidden ? 403 : 422, Violation.describe(violations));
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Problems.error(v.field(), v.code().name(), v.message())).toList();
        return forbidden
                ? Problems.of(HttpStatus.FORBIDDEN, PATH,
                        "The caller may not send this message: it is not the sender, or not a party to the case.", errors)
                : Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, PATH, "The message breaks the hub's rules.", errors);
    }
}
