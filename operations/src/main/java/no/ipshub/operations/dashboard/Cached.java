package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl}, so that many dashboards polling every few seconds cost one
 * call to the registry or the health indicators, not one each.
 *
 * @param <T> the value type
 */
final class Cached<T> {

    private final Duration ttl;
    private final Supplier<T> source;
    private final Clock clock;
    private T value;
    private Instant readAt;

    Cached(Duration ttl, Supplier<T> source, Clock clock) {
        this.ttl = ttl;
        this.source = source;
        this.clock = clock;
    }

    synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
