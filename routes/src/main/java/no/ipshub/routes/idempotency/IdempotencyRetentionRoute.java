package no.ipshub.routes.idempotency;

import java.time.Clock;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.routes.config.IdempotencyProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Expires accepted message ids older than {@code hub.idempotency.retention} and the parties of cases closed longer
 * ago than {@code hub.idempotency.closed-case-retention}, every {@code purge-interval}, the
 * first time {@code first-purge-delay} after start. The route only asks: the expiry is written (tombstones on
 * the state changelog) by the partner-ingress consumer that owns each partition, in its own transactions, since
 * only the owner of a partition writes its state. Suspending this route stops the expiry.
 */
@Component
public class IdempotencyRetentionRoute extends RouteBuilder {

    public static final String ROUTE_ID = "idempotency-retention";

    private final CaseStateStore state;
    private final IdempotencyProperties idempotency;
    private final Clock clock;

    public IdempotencyRetentionRoute(CaseStateStore state, IdempotencyProperties idempotency, Clock clock) {
        this.state = state;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=" + idempotency.firstPurgeDelay().toMillis()
                + "&period=" + idempotency.purgeInterval().toMillis())
            .routeId(ROUTE_ID)
            .process(exchange -> state.requestExpiry(clock.instant().minus(idempotency.retention()),
                    clock.instant().minus(idempotency.closedCaseRetention())));
    }
}
