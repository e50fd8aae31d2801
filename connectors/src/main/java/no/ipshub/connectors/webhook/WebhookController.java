package no.ipshub.connectors.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.http.Problems;
import no.ipshub.partners.Partner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/webhook}: the calling partner's webhook. {@code PUT} with {@code {"url": "https://..."}}
 * registers it (201, or 200 when it replaces one) and answers the new signing secret, this once;
 * {@code GET} shows the URL and when it was registered, never the secret; {@code DELETE} removes it (204).
 * There is no parameter naming a partner: the webhook is always the caller's.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
public class WebhookController {

    public static final String PATH = "/api/v1/webhook";
    private static final int MAX_BODY_BYTES = 8 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRegistrations registrations;

    public WebhookController(WebhookRegistrations registrations) {
        this.registrations = registrations;
    }

    @PutMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Map<String, Object>> register(@AuthenticationPrincipal Partner partner,
            HttpServletRequest request) throws IOException {
        byte[] body = readAtMost(request);
        if (body == null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, PATH, "The body is larger than " + MAX_BODY_BYTES + " bytes.",
                    List.of());
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return badRequest("$", "is not a JSON object");
        }
        if (json == null || !json.isObject()) {
            return badRequest("$", "must be a JSON object with a url");
        }
        JsonNode url = json.get("url");
        if (url == null || !url.isString()) {
            return badRequest("url", "is required: the https:// URL the hub should POST inbox messages to");
        }
        WebhookRegistrations.Registration registration;
        try {
            registration = registrations.register(partner.id(), url.asString().strip());
        } catch (WebhookRegistrations.RefusedUrlException e) {
            return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, PATH, "The webhook URL cannot be used.",
                    List.of(Problems.error("url", e.refusal().code(), e.refusal().message())));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", registration.url());
        answer.put("registeredAt", registration.registeredAt().toString());
        answer.put("secret", registration.secret());
        answer.put("signature", Map.of(
                "header", WebhookSigner.SIGNATURE_HEADER,
                "scheme", "HMAC-SHA256 with the UTF-8 bytes of secret as key, over \"<"
                        + WebhookSigner.TIMESTAMP_HEADER + ">.<body>\", hex, prefixed " + WebhookSigner.SCHEME));
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .cacheControl(CacheControl.noStore())
                .body(answer);
    }

    @GetMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Map<String, Object>> show(@AuthenticationPrincipal Partner partner) {
        Optional<WebhookEndpoint> endpoint = registrations.find(partner.id());
        if (endpoint.isEmpty()) {
            return notRegistered();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", endpoint.get().url());
        answer.put("registeredAt", endpoint.get().registeredAt().toString());
        return ResponseEntity.ok(answer);
    }

    @DeleteMapping(path = PATH, produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> remove(@AuthenticationPrincipal Partner partner) {
        return registrations.remove(partner.id()) ? ResponseEntity.noContent().build() : notRegistered();
    }

    private static ResponseEntity<Map<String, Object>> notRegistered() {
        return Problems.of(HttpStatus.NOT_FOUND, PATH, "No webhook is registered for this partner.", List.of());
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String field, String message) {
        return Problems.of(HttpStatus.BAD_REQUEST, PATH, "The body is not a webhook registration.",
                List.of(Problems.error(field, message)));
    }

    private static byte[] readAtMost(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = in.readNBytes(MAX_BODY_BYTES + 1);
            return buffer.length > MAX_BODY_BYTES ? null : buffer;
        }
    }
}
