package no.ipshub.connectors.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts webhook attempts by outcome and partner as {@code hub_webhooks_attempts_total{outcome, partner}} when
 * the application has a meter registry. Partner ids name organisations, never people.
 */
public final class WebhookStatistics {

    /** The metric's name. */
    public static final String METRIC = "hub.webhooks.attempts";

    private final MeterRegistry registry;

    public WebhookStatistics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String partner) {
        count("delivered", partner);
    }

    void retried(String partner) {
        count("retry", partner);
    }

    void parked(String partner) {
        count("parked", partner);
    }

    private void count(String outcome, String partner) {
        if (registry != null) {
            Counter.builder(METRIC).description("Webhook attempts by outcome")
                    .tag("outcome", outcome).tag("partner", partner).register(registry).increment();
        }
    }
}
