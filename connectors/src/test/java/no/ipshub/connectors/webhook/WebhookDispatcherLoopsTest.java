package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.schemas.json.HubMessageJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispatcher's look for due deliveries with the outbox unreachable (a JdbcTemplate without a database): the
 * nudge fails nobody and the loops registry shows the dispatch restarting until a look works.
 */
class WebhookDispatcherLoopsTest {

    private static final WebhookProperties PROPERTIES = new WebhookProperties(true, null, null, false, 8,
            Duration.ofSeconds(10), 2.0, Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(10), false,
            false, 2, 1, Duration.ofSeconds(1), Duration.ofDays(7));

    private final SupervisedLoops loops = new SupervisedLoops(RetryProperties.defaults(), Duration.ofSeconds(60),
            Clock.systemUTC());
    private final JdbcTemplate noDatabase = new JdbcTemplate();
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(new WebhookDeliveryStore(noDatabase),
            new WebhookEndpointStore(noDatabase, null), () -> null,
            new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(1), new WebhookUrlPolicy(false, false)),
            new HubWireCodec(SchemaRegistryClients.create("mock://webhook-loops")), new HubMessageJson(), PROPERTIES,
            new WebhookStatistics(null), Clock.systemUTC(), loops);

    @AfterEach
    void close() throws InterruptedException {
        dispatcher.close();
    }

    @Test
    void aFailedLookForDueDeliveriesShowsTheDispatchRestartingUntilTheNextPollInterval() {
        dispatcher.nudge();

        LoopStatus dispatch = loops.status(WebhookDispatcher.DISPATCH_LOOP).orElseThrow();
        assertThat(dispatch.state()).isEqualTo(LoopState.RESTARTING);
        assertThat(dispatch.lastFailure()).startsWith("IllegalStateException");
        assertThat(Duration.between(dispatch.lastFailureAt(), dispatch.nextTry())).isEqualTo(Duration.ofSeconds(1));
    }
}
