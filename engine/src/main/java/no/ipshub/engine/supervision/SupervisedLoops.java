package no.ipshub.engine.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import no.ipshub.engine.config.RetryProperties;

/**
 * The hub's long-running loops (reader threads, client pools, scheduled tasks) and how each is doing, for the
 * {@code loops} health component and the operations dashboard. A loop registers once when it starts and reports
 * through its {@link LoopHandle}; {@link LoopThread} and {@link LoopSchedule} run a body and report for it.
 */
public final class SupervisedLoops {

    private final RetryProperties retry;
    private final Duration degradedAfter;
    private final Clock clock;
    private final ConcurrentMap<String, LoopHandle> loops = new ConcurrentHashMap<>();

    /**
     * @param retry         the back-off between restarts ({@code hub.routes.retry.*})
     * @param degradedAfter how long a loop may keep failing before it counts as degraded
     */
    public SupervisedLoops(RetryProperties retry, Duration degradedAfter, Clock clock) {
        this.retry = retry;
        this.degradedAfter = degradedAfter;
        this.clock = clock;
    }

    /**
     * Registers a loop as RUNNING and returns its handle. Registering a name again (a route started again) takes
     * over its entry: the same handle, RUNNING again, its count of failures kept.
     */
    public LoopHandle register(String name, LoopKind kind) {
        LoopHandle[] created = new LoopHandle[1];
        LoopHandle handle = loops.computeIfAbsent(name, n -> created[0] = new LoopHandle(this, n, kind));
        if (handle != created[0]) {
            handle.restart();
        }
        return handle;
    }

    /** Every registered loop, by name. */
    public List<LoopStatus> statuses() {
        return loops.values().stream().map(LoopHandle::status).sorted(Comparator.comparing(LoopStatus::name)).toList();
    }

    public Optional<LoopStatus> status(String name) {
        return Optional.ofNullable(loops.get(name)).map(LoopHandle::status);
    }

    /** How long a loop may keep failing before it counts as degraded ({@code hub.supervision.degraded-after}). */
    public Duration degradedAfter() {
        return degradedAfter;
    }

    /** The wait before the next try after {@code attempts} failures in a row: grows per failure up to the maximum. */
    Duration backoff(int attempts) {
        double millis = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempts - 1));
        return Duration.ofMillis((long) Math.min(millis, retry.maxDelay().toMillis()));
    }

    Instant now() {
        return clock.instant();
    }
}
