package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.ClaimedDelivery;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.DueDelivery;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.PendingDelivery;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.ReplayResult;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.State;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the webhook stores promise, run on each database the hub supports: each subclass supplies a fresh, empty
 * database and the modules' Flyway migrations create the tables.
 */
abstract class WebhookStoreContract {

    static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    static final byte[] BYTES = "wire".getBytes(StandardCharsets.UTF_8);

    WebhookEndpointStore endpoints;
    WebhookDeliveryStore deliveries;
    JdbcTemplate jdbc;

    abstract DataSource dataSource();

    /** The schema Flyway migrates; null for the connection's default. */
    String schema() {
        return null;
    }

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            flyway.schemas(schema());
        }
        flyway.load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        endpoints = new WebhookEndpointStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        deliveries = new WebhookDeliveryStore(jdbc);
    }

    private long queued(String partner, String messageId) {
        deliveries.enqueue(List.of(new PendingDelivery(partner, messageId, BYTES)), NOW);
        return jdbc.queryForObject("SELECT id FROM webhook_delivery WHERE partner_id = ? AND message_id = ?", Long.class,
                partner, messageId);
    }

    private ClaimedDelivery claimed(long id, String owner) {
        return deliveries.claim(id, owner, NOW, NOW.plusSeconds(60)).orElseThrow();
    }

    @Test
    void aNewEndpointIsCreatedAndASecondSaveReplacesIt() {
        WebhookEndpoint first = new WebhookEndpoint("nav-bergenhus", "https://a.example/hook", BYTES, "k1", NOW);
        WebhookEndpoint second = new WebhookEndpoint("nav-bergenhus", "https://b.example/hook", BYTES, "k1",
                NOW.plusSeconds(1));

        assertThat(endpoints.save(first)).isTrue();
        assertThat(endpoints.save(second)).isFalse();
        assertThat(endpoints.find("nav-bergenhus").map(WebhookEndpoint::url)).contains("https://b.example/hook");
        assertThat(endpoints.find("nav-bergenhus").orElseThrow().sealedSecret()).isEqualTo(BYTES);
    }

    @Test
    void aDeletedEndpointIsGoneFromTheRegisteredPartners() {
        endpoints.save(new WebhookEndpoint("nav-bergenhus", "https://a.example/hook", BYTES, "k1", NOW));
        endpoints.save(new WebhookEndpoint("nav-tromso", "https://b.example/hook", BYTES, "k1", NOW));

        assertThat(endpoints.delete("nav-bergenhus")).isTrue();
        assertThat(endpoints.registeredPartners()).containsExactly("nav-tromso");
    }

    @Test
    void aMessageQueuedTwiceForOnePartnerIsOneDelivery() {
        deliveries.enqueue(List.of(new PendingDelivery("nav-bergenhus", "m-1", BYTES)), NOW);

        int again = deliveries.enqueue(List.of(new PendingDelivery("nav-bergenhus", "m-1", BYTES),
                new PendingDelivery("nav-tromso", "m-1", BYTES)), NOW);

        assertThat(again).isEqualTo(1);
        assertThat(deliveries.countsByState()).containsEntry(State.PENDING, 2L);
    }

    @Test
    void onlyOneOfTwoInstancesClaimsADelivery() {
        long id = queued("nav-bergenhus", "m-1");

        Optional<ClaimedDelivery> first = deliveries.claim(id, "hub-a", NOW, NOW.plusSeconds(60));
        Optional<ClaimedDelivery> second = deliveries.claim(id, "hub-b", NOW, NOW.plusSeconds(60));

        assertThat(first).isPresent();
        assertThat(first.get().wireBytes()).isEqualTo(BYTES);
        assertThat(second).isEmpty();
    }

    @Test
    void aClaimedDeliveryIsNotDueUntilItsLeaseRunsOut() {
        long id = queued("nav-bergenhus", "m-1");
        claimed(id, "hub-a");

        assertThat(deliveries.due(NOW.plusSeconds(30), 10)).isEmpty();
        assertThat(deliveries.due(NOW.plusSeconds(61), 10)).extracting(DueDelivery::id).containsExactly(id);
    }

    @Test
    void aFailedAttemptIsCountedAndDueAgainAfterItsBackOff() {
        long id = queued("nav-bergenhus", "m-1");
        claimed(id, "hub-a");

        deliveries.retryLater(id, "hub-a", NOW, 500, "HTTP 500", NOW.plusSeconds(10));

        assertThat(deliveries.due(NOW.plusSeconds(9), 10)).isEmpty();
        assertThat(claimed(id, "hub-b").attempts()).isEqualTo(1);
    }

    @Test
    void anOutcomeRecordedByAnInstanceThatLostItsLeaseIsIgnored() {
        long id = queued("nav-bergenhus", "m-1");
        claimed(id, "hub-a");
        deliveries.claim(id, "hub-b", NOW.plusSeconds(61), NOW.plusSeconds(120)).orElseThrow();

        deliveries.delivered(id, "hub-a", NOW, 200);

        assertThat(deliveries.countsByState()).containsEntry(State.PENDING, 1L);
    }

    @Test
    void aDeliveredMessageKeepsNoBytesAndIsPurgedAfterTheRetention() {
        long id = queued("nav-bergenhus", "m-1");
        claimed(id, "hub-a");
        deliveries.delivered(id, "hub-a", NOW, 204);

        assertThat(jdbc.queryForObject("SELECT wire_bytes FROM webhook_delivery WHERE id = ?", byte[].class, id)).isNull();
        assertThat(deliveries.purgeDelivered(NOW.minus(Duration.ofDays(1)))).isZero();
        assertThat(deliveries.purgeDelivered(NOW.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void aParkedDeliveryIsListedWithItsLastFailure() {
        long id = queued("nav-bergenhus", "m-1");
        claimed(id, "hub-a");

        deliveries.park(id, "hub-a", NOW, 503, "HTTP 503", true);

        WebhookDeliveryStore.ParkedDelivery parked = deliveries.parked(10).get(0);
        assertThat(parked.id()).isEqualTo(id);
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.lastStatus()).isEqualTo(503);
        assertThat(parked.lastError()).isEqualTo("HTTP 503");
        assertThat(parked.parkedAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aReplayedDeliveryIsDueAgainWithAFreshSetOfAttempts() {
        long id = queued("nav-bergenhus", "m-1");
        claimed(id, "hub-a");
        deliveries.park(id, "hub-a", NOW, null, "ConnectException", true);

        assertThat(deliveries.replay(id, "ops", NOW.plusSeconds(5))).isEqualTo(ReplayResult.REPLAYED);
        assertThat(deliveries.parked(10)).isEmpty();
        assertThat(claimed(id, "hub-b").attempts()).isZero();
    }

    @Test
    void onlyAParkedDeliveryCanBeReplayed() {
        long id = queued("nav-bergenhus", "m-1");

        assertThat(deliveries.replay(id, "ops", NOW)).isEqualTo(ReplayResult.NOT_PARKED);
        assertThat(deliveries.replay(id + 1000, "ops", NOW)).isEqualTo(ReplayResult.NOT_FOUND);
    }

    @Test
    void removingAWebhookDropsItsPendingDeliveriesButKeepsParkedOnes() {
        long parked = queued("nav-bergenhus", "m-1");
        claimed(parked, "hub-a");
        deliveries.park(parked, "hub-a", NOW, 500, "HTTP 500", true);
        queued("nav-bergenhus", "m-2");

        assertThat(deliveries.cancelPending("nav-bergenhus")).isEqualTo(1);
        assertThat(deliveries.countsByState()).isEqualTo(Map.of(State.PENDING, 0L, State.DELIVERED, 0L, State.PARKED, 1L));
    }
}
