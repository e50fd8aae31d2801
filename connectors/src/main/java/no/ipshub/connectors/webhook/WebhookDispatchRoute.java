package no.ipshub.connectors.webhook;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Webhook dispatch: on a timer ({@code hub.webhooks.poll-interval}) hands the due deliveries (retries after
 * their back-off, replays by operators, rows left by a stopped instance) to the dispatcher, and once an hour
 * purges delivered rows older than {@code hub.webhooks.retention}.
 */
public class WebhookDispatchRoute extends RouteBuilder {

    public static final String ROUTE_ID = "webhook-dispatch";
    public static final String PURGE_ROUTE_ID = "webhook-purge";
    private static final Duration PURGE_PERIOD = Duration.ofHours(1);

    private final WebhookProperties properties;
    private final WebhookDispatcher dispatcher;
    private final WebhookDeliveryStore deliveries;
    private final Clock clock;

    public WebhookDispatchRoute(WebhookProperties properties, WebhookDispatcher dispatcher,
            WebhookDeliveryStore deliveries, Clock clock) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=" + properties.pollInterval().toMillis() + "&delay="
                + properties.pollInterval().toMillis())
            .routeId(ROUTE_ID)
            .process(exchange -> dispatcher.nudge());

        from("timer:" + PURGE_ROUTE_ID + "?period=" + PURGE_PERIOD.toMillis() + "&delay=" + PURGE_PERIOD.toMillis())
            .routeId(PURGE_ROUTE_ID)
            .process(exchange -> deliveries.purgeDelivered(clock.instant().minus(properties.retention())));
    }
}
