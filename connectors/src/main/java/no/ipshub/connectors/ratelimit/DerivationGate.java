package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The global cap on API-key verifications that may run PBKDF2 (tens of milliseconds of CPU per stored hash):
 * at most {@code maxConcurrent} at once, a request waiting at most {@code maxWait} for a slot, and at most
 * {@code maxWaiting} requests waiting (more are refused at once, so a flood cannot hold every server thread in
 * the queue). Keys verified before never pass through here, so known partners keep working while unknown keys
 * queue.
 */
public final class DerivationGate {

    private final Semaphore slots;
    private final Duration maxWait;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    public DerivationGate(int maxConcurrent, Duration maxWait, int maxWaiting) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
    }

    /** Takes a slot, waiting at most {@code maxWait}; false when none came free or too many wait already. */
    public boolean tryEnter() {
        if (slots.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
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

    /** Requests waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }

    /** Slots free now. */
    public int available() {
        return slots.availablePermits();
    }
}
