package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private static RouteSample sample(int secondsAfterStart, long exchanges, Long records) {
        return new RouteSample(T0.plusSeconds(secondsAfterStart),
                Map.of("partner-ingress", new RouteSample.Counters(exchanges, 0, records)));
    }

    @Test
    void theSeriesHasOneRatePerIntervalBetweenSamples() {
        List<RouteSample> samples = List.of(sample(0, 0, 0L), sample(5, 10, 500L), sample(10, 20, 1500L));

        List<Throughput.Rate> rates = Throughput.series(samples).get("partner-ingress");

        assertThat(rates).extracting(Throughput.Rate::recordsPerSecond).containsExactly(100.0, 200.0);
        assertThat(rates).extracting(Throughput.Rate::exchangesPerSecond).containsExactly(2.0, 2.0);
        assertThat(rates).extracting(Throughput.Rate::at).containsExactly(T0.plusSeconds(5), T0.plusSeconds(10));
    }

    @Test
    void aCounterThatWentBackwardsCountsAsNoProgress() {
        List<RouteSample> samples = List.of(sample(0, 50, 900L), sample(5, 3, 100L));

        Throughput.Rate rate = Throughput.series(samples).get("partner-ingress").get(0);

        assertThat(rate.exchangesPerSecond()).isZero();
        assertThat(rate.recordsPerSecond()).isZero();
    }

    @Test
    void recordsPerSecondIsUnknownWhenKafkaWasNotReadForEitherSample() {
        List<RouteSample> samples = List.of(sample(0, 0, 0L), sample(5, 10, null));

        assertThat(Throughput.series(samples).get("partner-ingress").get(0).recordsPerSecond()).isNull();
    }

    @Test
    void theRecentRateSpansTheWindowFromTheNewestSample() {
        List<RouteSample> samples = List.of(sample(0, 0, 0L), sample(30, 300, 3000L), sample(60, 900, 9000L),
                sample(90, 1200, 9000L));

        Throughput.Rate rate = Throughput.recent(samples, Duration.ofSeconds(60)).get("partner-ingress");

        assertThat(rate.exchangesPerSecond()).isEqualTo(15.0);
        assertThat(rate.recordsPerSecond()).isEqualTo(100.0);
    }

    @Test
    void aRouteMissingFromTheOldestSamplesCountsFromItsFirstSample() {
        RouteSample beforeRoutesStarted = new RouteSample(T0, Map.of());
        List<RouteSample> samples = List.of(beforeRoutesStarted, sample(10, 0, 0L), sample(20, 50, 500L));

        Throughput.Rate rate = Throughput.recent(samples, Duration.ofSeconds(60)).get("partner-ingress");

        assertThat(rate.recordsPerSecond()).isEqualTo(50.0);
    }

    @Test
    void oneSampleGivesNoRate() {
        assertThat(Throughput.recent(List.of(sample(0, 5, 5L)), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aRouteSeenOnlyInTheNewestSampleHasNoRateYet() {
        RouteSample first = new RouteSample(T0, Map.of());
        RouteSample second = sample(5, 10, 10L);

        assertThat(Throughput.series(List.of(first, second))).isEmpty();
    }
}
