package no.ipshub.connectors.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.ipshub.connectors.ratelimit.EdgeThrottledException.Reason;

/**
 * Counts refused requests by reason, and exports them as {@code hub_http_throttled_total{reason=...}} when the
 * application has a meter registry. The only tag is the reason: no caller, key or address.
 */
public final class ThrottleStatistics {

    /** The metric's name. */
    public static final String METRIC = "hub.http.throttled";

    private final Map<Reason, AtomicLong> counts = new EnumMap<>(Reason.class);
    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    public ThrottleStatistics(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new AtomicLong());
            if (registry != null) {
                counters.put(reason, Counter.builder(METRIC)
                        .description("HTTP requests refused by the edge's rate limits and authentication throttles")
                        .tag("reason", reason.tag())
                        .register(registry));
            }
        }
    }

    void throttled(Reason reason) {
        counts.get(reason).incrementAndGet();
        Counter counter = counters.get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    /** Requests refused for {@code reason} since start. */
    public long count(Reason reason) {
        return counts.get(reason).get();
    }
}
