package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per authenticated caller (partner id or account name): {@code requestsPerSecond} sustained,
 * {@code burst} at once. Callers are the finite set of partners and accounts, so the map needs no bound.
 */
public final class RequestRateLimiter {

    private final double requestsPerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RequestRateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Empty when {@code caller} may make this request now; otherwise how long it must wait. */
    public Optional<Duration> acquire(String caller) {
        long now = nanoTime.getAsLong();
        long wait = buckets.computeIfAbsent(caller, c -> new TokenBucket(requestsPerSecond, burst, now)).tryTake(now);
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    /** The sustained rate per caller, for the problem text. */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** The burst per caller, for the problem text. */
    public int burst() {
        return burst;
    }
}
