package no.ipshub.connectors.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains {@code ratePerSecond} of them per second.
 * Times are {@link System#nanoTime()} readings passed in by the caller, so tests need no clock of their own.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, double capacity, long now) {
        this.capacity = capacity;
        this.tokensPerNano = ratePerSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token when there is one and answers 0; otherwise takes none and answers the nanoseconds until one. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return nanosUntilOne();
    }

    /** Gives back a token taken by {@link #tryTake}, never beyond the capacity. */
    synchronized void refund(long now) {
        refill(now);
        tokens = Math.min(capacity, tokens + 1);
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }

    private long nanosUntilOne() {
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
