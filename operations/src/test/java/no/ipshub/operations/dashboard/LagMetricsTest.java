package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LagMetricsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final String INGRESS = "ips.ingress.haukeland-tsb-v1";
    private static final String INBOX = "ips.inbox.nav-bergenhus-v1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LagMetrics metrics = new LagMetrics();

    @BeforeEach
    void bind() {
        metrics.bindTo(registry);
    }

    private static LagSnapshot snapshot(TopicLag... topics) {
        return new LagSnapshot(NOW, new LagSnapshot.Thresholds(10_000, 900),
                List.of(new LagSnapshot.RouteLag("partner-ingress", "ips-hub-ingress", 0, null, false, List.of(topics))),
                List.of(), List.of(), null);
    }

    private double gauge(String name, String topic) {
        return registry.get(name).tag("route", "partner-ingress").tag("group", "ips-hub-ingress").tag("topic", topic)
                .gauge().value();
    }

    @Test
    void eachTopicOfARouteHasItsRecordsBehindAgeAndAlert() {
        metrics.record(snapshot(
                new TopicLag(INGRESS, 3, 40, 40, 28, 12, true, 0, NOW.minusSeconds(1200), 1200L,
                        List.of(LagAlertReason.OLDEST_AGE)),
                TopicLag.of(INBOX, 3, 9, 9, 9, 0, true, 0)));

        assertThat(gauge("ips.hub.lag.records", INGRESS)).isEqualTo(12);
        assertThat(gauge("ips.hub.lag.oldest.age", INGRESS)).isEqualTo(1200);
        assertThat(gauge("ips.hub.lag.alert", INGRESS)).isEqualTo(1);
        assertThat(gauge("ips.hub.lag.oldest.age", INBOX)).isZero();
        assertThat(gauge("ips.hub.lag.alert", INBOX)).isZero();
    }

    @Test
    void anAlertThatIsOverReadsZeroAtTheNextSample() {
        metrics.record(snapshot(new TopicLag(INGRESS, 3, 40, 40, 28, 12, true, 0, NOW.minusSeconds(1200), 1200L,
                List.of(LagAlertReason.OLDEST_AGE))));
        metrics.record(snapshot(TopicLag.of(INGRESS, 3, 40, 40, 40, 0, true, 0)));

        assertThat(gauge("ips.hub.lag.alert", INGRESS)).isZero();
        assertThat(gauge("ips.hub.lag.records", INGRESS)).isZero();
    }

    @Test
    void anAgeNotKnownIsLeftOutRatherThanShownAsZero() {
        metrics.record(snapshot(TopicLag.of(INGRESS, 3, 40, 40, 28, 12, true, 0)));

        assertThat(registry.find("ips.hub.lag.oldest.age").tag("topic", INGRESS).gauge()).isNull();
    }
}
