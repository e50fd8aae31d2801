package no.ipshub.connectors.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.http.Problems;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.ParkedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of webhook deliveries that ran out of attempts: {@code GET /api/v1/ops/webhooks/parked}
 * lists them (no message content, no URL), {@code POST /api/v1/ops/webhooks/parked/{id}/replay} makes one due
 * again with a fresh set of attempts (202; 404 unknown, 409 not parked or the partner has no webhook now).
 */
@RestController
@ConditionalOnProperty(prefix = "hub.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ParkedWebhooksController {

    public static final String PATH = "/api/v1/ops/webhooks/parked";
    private static final int MAX_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(ParkedWebhooksController.class);

    private final WebhookDeliveryStore deliveries;
    private final WebhookEndpointStore endpoints;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    public ParkedWebhooksController(WebhookDeliveryStore deliveries, WebhookEndpointStore endpoints,
            WebhookDispatcher dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Map<String, Object>> list(@RequestParam(name = "limit", required = false) String limit) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1) {
            return Problems.of(HttpStatus.BAD_REQUEST, PATH, "The query parameters are not valid.",
                    List.of(Problems.error("limit", "must be a whole number from 1; at most " + MAX_LIMIT + " are listed")));
        }
        List<Map<String, Object>> parked = deliveries.parked(Math.min(size, MAX_LIMIT)).stream()
                .map(ParkedWebhooksController::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parked", parked);
        body.put("counts", deliveries.countsByState());
        return ResponseEntity.ok(body);
    }

    @PostMapping(path = PATH + "/{id}/replay",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Map<String, Object>> replay(@PathVariable("id") String id, Authentication operator) {
        long deliveryId;
        try {
            deliveryId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            // not echoed: the instance names the template, not what was sent
            return notFound(PATH + "/{id}/replay");
        }
        String instance = PATH + "/" + deliveryId + "/replay";
        Optional<String> partner = deliveries.partnerOf(deliveryId);
        if (partner.isEmpty()) {
            return notFound(instance);
        }
        if (endpoints.find(partner.get()).isEmpty()) {
            return Problems.of(HttpStatus.CONFLICT, instance,
                    "The partner of this delivery has no webhook registered now; it cannot be replayed.", List.of());
        }
        WebhookDeliveryStore.ReplayResult result = deliveries.replay(deliveryId, operator.getName(), clock.instant());
        return switch (result) {
            case NOT_FOUND -> notFound(instance);
            case NOT_PARKED -> Problems.of(HttpStatus.CONFLICT, instance,
                    "This delivery is not parked: it is waiting for its next attempt or was delivered.", List.of());
            case REPLAYED -> {
                log.info("Webhook delivery {} to {} replayed by an operator", deliveryId, partner.get());
                dispatcher.nudge();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", deliveryId);
                body.put("state", WebhookDeliveryStore.State.PENDING.name());
                yield ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
            }
        };
    }

    private static ResponseEntity<Map<String, Object>> notFound(String instance) {
        return Problems.of(HttpStatus.NOT_FOUND, instance, "There is no such webhook delivery.", List.of());
    }

    private static Map<String, Object> view(ParkedDelivery p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("partner", p.partnerId());
        view.put("messageId", p.messageId());
        view.put("attempts", p.attempts());
        view.put("lastStatus", p.lastStatus());
        view.put("lastError", p.lastError());
        view.put("createdAt", text(p.createdAt()));
        view.put("lastAttemptAt", text(p.lastAttemptAt()));
        view.put("parkedAt", text(p.parkedAt()));
        view.put("replayedAt", text(p.replayedAt()));
        return view;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
