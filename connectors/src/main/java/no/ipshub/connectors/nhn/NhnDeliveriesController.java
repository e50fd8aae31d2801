package no.ipshub.connectors.nhn;

import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.partners.Partner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of the messages sent over Norsk helsenett, newest first, each with its state and application
 * receipt: {@code GET /api/v1/nhn/deliveries} a partner's own, {@code GET /api/v1/ops/nhn/deliveries} (operator)
 * every partner's or one's ({@code ?partner=}), with counts per state. No content, only ids, states and receipts.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.nhn", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NhnDeliveriesController {

    static final int MAX_LIMIT = 500;

    private final NhnDeliveryStore deliveries;

    public NhnDeliveriesController(NhnDeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping(path = "/api/v1/nhn/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> own(@AuthenticationPrincipal Partner partner,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("deliveries", deliveries.latest(partner.id(), bounded(limit)));
    }

    @GetMapping(path = "/api/v1/ops/nhn/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> all(@RequestParam(required = false) String partner,
            @RequestParam(defaultValue = "100") int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", deliveries.countsByState());
        body.put("deliveries", deliveries.latest(partner == null || partner.isBlank() ? null : partner, bounded(limit)));
        return body;
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
