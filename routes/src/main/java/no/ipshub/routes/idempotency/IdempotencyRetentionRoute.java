package no.ipshub.routes.idempotency;

import java.time.Clock;
import no.ipshub.routes.config.IdempotencyProperties;
import no.ipshub.routes.error.HubErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes processed message ids older than {@code hub.idempotency.retention}, every {@code purge-interval}, the
 * first time {@code first-purge-delay} after start.
 */
@Component
public class IdempotencyRetentionRoute extends RouteBuilder {

    public static final String ROUTE_ID = "idempotency-retention";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetentionRoute.class);

    private final ProcessedMessageStore store;
    private final IdempotencyProperties idempotency;
    private final Clock clock = Clock.systemUTC();

    public IdempotencyRetentionRoute(ProcessedMessageStore store, IdempotencyProperties idempotency) {
        this.store = store;
        this.idempotency = idempotency;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=" + idempotency.firstPurgeDelay().toMillis()
                + "&period=" + idempotency.purgeInterval().toMillis())
            .routeId(ROUTE_ID)
            .routeConfigurationId(HubErrorPolicy.ID)
            .process(exchange -> {
                int purged = store.purgeRecordedBefore(clock.instant().minus(idempotency.retention()));
                log.info("Route {} purged {} processed message ids older than {}", ROUTE_ID, purged,
                        idempotency.retention());
            });
    }
}
