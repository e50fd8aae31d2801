package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.ParkedDelivery;
import no.ipshub.connectors.webhook.WebhookDeliveryStore;
import no.ipshub.connectors.webhook.WebhookDispatcher;
import no.ipshub.connectors.webhook.WebhookEndpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Partners' webhook deliveries for the dashboard: counts by state and the deliveries parked after their attempts
 * ran out, with the same replay as {@code POST /api/v1/ops/webhooks/parked/{id}/replay}. Absent when the hub runs
 * with webhooks switched off ({@code hub.webhooks.enabled=false}).
 */
public class ParkedWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ParkedWebhooks.class);

    private final ObjectProvider<WebhookDeliveryStore> deliveries;
    private final ObjectProvider<WebhookEndpointStore> endpoints;
    private final ObjectProvider<WebhookDispatcher> dispatcher;
    private final Clock clock;

    public ParkedWebhooks(ObjectProvider<WebhookDeliveryStore> deliveries, ObjectProvider<WebhookEndpointStore> endpoints,
            ObjectProvider<WebhookDispatcher> dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * The webhook deliveries now.
     *
     * @param counts  deliveries per state (PENDING, DELIVERED, PARKED)
     * @param parked  the most recently parked deliveries, without message content or URL
     */
    public record View(Map<WebhookDeliveryStore.State, Long> counts, List<ParkedDelivery> parked) {
    }

    /** The deliveries, or empty when webhooks are switched off. */
    public Optional<View> view(int limit) {
        WebhookDeliveryStore store = deliveries.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        return Optional.of(new View(store.countsByState(), store.parked(limit)));
    }

    /**
     * Makes a parked delivery due again with a fresh set of attempts.
     *
     * @return a sentence for the operator saying what happened
     */
    public Outcome replay(long id, String operator) {
        WebhookDeliveryStore store = deliveries.getIfAvailable();
        WebhookEndpointStore registered = endpoints.getIfAvailable();
        if (store == null || registered == null) {
            return new Outcome(false, "Webhooks are switched off on this hub.");
        }
        Optional<String> partner = store.partnerOf(id);
        if (partner.isEmpty()) {
            return new Outcome(false, "There is no webhook delivery " + id + ".");
        }
        if (registered.find(partner.get()).isEmpty()) {
            return new Outcome(false, "Partner " + partner.get() + " has no webhook registered now; delivery " + id
                    + " cannot be replayed.");
        }
        return switch (store.replay(id, operator, clock.instant())) {
            case NOT_FOUND -> new Outcome(false, "There is no webhook delivery " + id + ".");
            case NOT_PARKED -> new Outcome(false, "Webhook delivery " + id + " is not parked.");
            case REPLAYED -> {
                log.info("Webhook delivery {} to {} replayed by {} on the dashboard", id, partner.get(), operator);
                WebhookDispatcher d = dispatcher.getIfAvailable();
                if (d != null) {
                    d.nudge();
                }
                yield new Outcome(true, "Webhook delivery " + id + " to " + partner.get() + " is due again.");
            }
        };
    }

    /**
     * What a replay did.
     *
     * @param ok      true when the delivery is due again
     * @param message a sentence for the operator
     */
    public record Outcome(boolean ok, String message) {
    }
}
