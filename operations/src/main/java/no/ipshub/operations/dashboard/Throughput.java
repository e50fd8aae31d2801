package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rates computed from consecutive {@link RouteSample}s: exchanges per second, and records per second for routes
 * that consume Kafka (one exchange of a batching route carries many records). A counter that went backwards
 * (the route was re-created) counts as no progress rather than a negative rate.
 */
public final class Throughput {

    private Throughput() {
    }

    /**
     * A rate over one interval.
     *
     * @param at                 the end of the interval
     * @param exchangesPerSecond exchanges completed per second
     * @param recordsPerSecond   Kafka records committed per second; null when not known for the interval
     */
    public record Rate(Instant at, double exchangesPerSecond, Double recordsPerSecond) {
    }

    /** Per route, the rate of every interval between consecutive samples, oldest first. */
    public static Map<String, List<Rate>> series(List<RouteSample> samples) {
        Map<String, List<Rate>> series = new TreeMap<>();
        for (int i = 1; i < samples.size(); i++) {
            RouteSample a = samples.get(i - 1);
            RouteSample b = samples.get(i);
            b.routes().forEach((route, end) -> {
                RouteSample.Counters start = a.routes().get(route);
                Rate rate = start == null ? null : rate(a.at(), start, b.at(), end);
                if (rate != null) {
                    series.computeIfAbsent(route, k -> new ArrayList<>()).add(rate);
                }
            });
        }
        return series;
    }

    /**
     * Per route, the rate between the newest sample and the oldest sample no more than {@code window} before it
     * that knows the route (a route added since the window began counts from its first sample). Routes seen only
     * in the newest sample are left out.
     */
    public static Map<String, Rate> recent(List<RouteSample> samples, Duration window) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        if (samples.size() < 2) {
            return rates;
        }
        RouteSample newest = samples.get(samples.size() - 1);
        Instant earliest = newest.at().minus(window);
        newest.routes().forEach((route, end) -> {
            for (RouteSample s : samples.subList(0, samples.size() - 1)) {
                RouteSample.Counters start = s.routes().get(route);
                if (start != null && !s.at().isBefore(earliest)) {
                    Rate rate = rate(s.at(), start, newest.at(), end);
                    if (rate != null) {
                        rates.put(route, rate);
                    }
                    return;
                }
            }
        });
        return rates;
    }

    private static Rate rate(Instant from, RouteSample.Counters start, Instant to, RouteSample.Counters end) {
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        if (seconds <= 0) {
            return null;
        }
        double exchanges = Math.max(0, end.exchanges() - start.exchanges()) / seconds;
        Double records = start.committedRecords() == null || end.committedRecords() == null ? null
                : Math.max(0, end.committedRecords() - start.committedRecords()) / seconds;
        return new Rate(to, exchanges, records);
    }
}
