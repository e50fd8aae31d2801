package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.operations.activity.PartnerActivityStore;
import no.ipshub.operations.metrics.CamelRouteMetrics;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's sampler on its schedule, with no broker (Kafka offsets are then the lag's error, not a
 * failure) and no database behind the partner activity: a failing sample, even one that throws an Error, is
 * followed by the next, and the loops registry shows both loops.
 */
class OpsSamplerTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final SupervisedLoops loops = new SupervisedLoops(
            new RetryProperties(Duration.ofMillis(10), 2.0, Duration.ofMillis(50)), Duration.ofSeconds(60),
            Clock.systemUTC());
    private final KafkaOffsetsReader nowhere = new KafkaOffsetsReader(nowhereClients(), Duration.ofMillis(200),
            Clock.systemUTC());

    private static HubKafkaClients nowhereClients() {
        return new HubKafkaClients(nowhereSettings());
    }

    /** A broker address where nothing answers. */
    private static KafkaClientSettings nowhereSettings() {
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return "127.0.0.1:1";
            }

            @Override
            public Map<String, Object> commonProperties() {
                return new HashMap<>(Map.of("bootstrap.servers", bootstrapServers()));
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }
    private final AtomicInteger directoryReads = new AtomicInteger();
    private final PartnerDirectory failingTwice = new PartnerDirectory() {
        @Override
        public Optional<Partner> find(String partnerId) {
            return Optional.empty();
        }

        @Override
        public Optional<Partner> lookUp(String partnerId) {
            return Optional.empty();
        }

        @Override
        public List<Partner> all() {
            if (directoryReads.incrementAndGet() <= 2) {
                throw new AssertionError("the partner directory broke");
            }
            return List.of();
        }
    };
    private final OpsProperties properties = new OpsProperties(Duration.ofMillis(20), Duration.ofSeconds(10),
            Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofDays(7), Duration.ofSeconds(3), java.time.ZoneId.of("Europe/Oslo"), Duration.ofHours(8),
            new LagAlertThresholds(10_000, Duration.ofMinutes(15)));
    private final OldestUnreadReader oldestUnread = new OldestUnreadReader(nowhereClients(), Duration.ofMillis(200));
    private final OpsSampler sampler = new OpsSampler(new RouteInspector(new DefaultCamelContext(),
            new CamelRouteMetrics()), nowhere, oldestUnread, new LagMetrics(), failingTwice, HubTopics.defaults(),
            new PartnerActivity(new PartnerActivityStore(new JdbcTemplate(), null), Clock.systemUTC(),
                    Duration.ofDays(7)), properties, Clock.systemUTC(), loops);

    @AfterEach
    void stop() {
        sampler.stop();
        nowhere.close();
        oldestUnread.close();
    }

    @Test
    void aSampleThatThrowsAnErrorIsFollowedByTheNextAndTheSamplerRunsAgain() {
        sampler.start();

        await().atMost(BOUND).until(() -> !sampler.samples().isEmpty());
        LoopStatus status = loops.status(OpsSampler.LOOP).orElseThrow();
        assertThat(status.state()).isEqualTo(LoopState.RUNNING);
        assertThat(status.failures()).isEqualTo(2);
        assertThat(status.lastFailure()).isEqualTo("AssertionError: the partner directory broke");
    }

    @Test
    void aPartnerActivityRefreshThatFailsShowsItsLoopRestarting() {
        sampler.start();

        await().atMost(BOUND).until(() -> loops.status(OpsSampler.ACTIVITY_LOOP).orElseThrow().state()
                == LoopState.RESTARTING);
    }

    @Test
    void stoppingTheSamplerStopsBothLoops() {
        sampler.start();
        await().atMost(BOUND).until(() -> !sampler.samples().isEmpty());

        sampler.stop();

        assertThat(loops.statuses()).extracting(LoopStatus::state).containsOnly(LoopState.STOPPED);
    }
}
