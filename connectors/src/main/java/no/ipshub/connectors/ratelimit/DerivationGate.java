package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The global cap on API-key verifications that may run PBKDF2 (tens of milliseconds of CPU per stored hash):
 * at most {@code maxConcurrent} at once, a request waiting at most {@code maxWait} for a slot. Keys verified
 * before never pass through here, so known partners keep working while unknown keys queue.
 */
public final class DerivationGate {

    private final Semaphore slots;
    private final Duration maxWait;

    public DerivationGate(int maxConcurrent, Duration maxWait) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /** Takes a slot, waiting at most {@code maxWait}; false when none came free. */
    public boolean tryEnter() {
        try {
            return slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a slot taken by {@link #tryEnter()}. */
    public void leave() {
        slots.release();
    }

    /** What a refused request is told to wait: about one verification's worth, at least a second. */
    public Duration retryAfter() {
        return Duration.ofSeconds(1);
    }

    /** Slots free now. */
    public int available() {
        return slots.availablePermits();
    }
}
