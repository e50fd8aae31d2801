package no.ipshub.engine.supervision;

import java.time.Duration;
import java.time.Instant;

/**
 * One registered loop's way to report how it is doing ({@link SupervisedLoops#register}). A loop calls
 * {@link #running()} whenever it has done its work (cheap when nothing changed), {@link #failed} when a failure
 * escaped its body and it will try again, {@link #down} when a restart cannot help, {@link #stopped()} when it
 * ends on purpose. Thread-safe.
 */
public final class LoopHandle {

    private final SupervisedLoops owner;
    private final String name;
    private final LoopKind kind;
    private volatile LoopState state = LoopState.RUNNING;
    private Instant since;
    private int attempts;
    private long failures;
    private String lastFailure;
    private Instant lastFailureAt;
    private Instant nextTry;
    private String reason;

    LoopHandle(SupervisedLoops owner, String name, LoopKind kind) {
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.since = owner.now();
    }

    public String name() {
        return name;
    }

    /** The loop works (again). Costs a volatile read when it was already RUNNING, so a loop may call it per pass. */
    public void running() {
        if (state == LoopState.RUNNING) {
            return;
        }
        synchronized (this) {
            if (state != LoopState.RUNNING) {
                enter(LoopState.RUNNING);
                attempts = 0;
                nextTry = null;
                reason = null;
            }
        }
    }

    /**
     * A failure escaped the loop's body; it tries again after the back-off of {@code hub.routes.retry.*} for this
     * many failures in a row, which is returned.
     */
    public synchronized Duration failed(Throwable failure) {
        Duration retryIn = owner.backoff(attempts + 1);
        failed(failure, retryIn);
        return retryIn;
    }

    /** The back-off {@link #failed(Throwable)} would wait after one more failure in a row. */
    public synchronized Duration nextBackoff() {
        return owner.backoff(attempts + 1);
    }

    /** A failure escaped the loop's body; it tries again in {@code retryIn} (a loop with a back-off of its own). */
    public synchronized void failed(Throwable failure, Duration retryIn) {
        Instant now = owner.now();
        if (state != LoopState.RESTARTING) {
            enter(LoopState.RESTARTING);
        }
        attempts++;
        failures++;
        lastFailure = LoopFailures.describe(failure);
        lastFailureAt = now;
        nextTry = now.plus(retryIn);
        reason = null;
    }

    /** The loop gave up: a restart cannot help. {@code why} is shown to operators: no personal data. */
    public synchronized void down(String why) {
        enter(LoopState.DOWN);
        nextTry = null;
        reason = why;
    }

    /** The loop ended on purpose. */
    public synchronized void stopped() {
        enter(LoopState.STOPPED);
        attempts = 0;
        nextTry = null;
        reason = null;
    }

    public LoopState state() {
        return state;
    }

    /** The loop as it stands now. */
    public synchronized LoopStatus status() {
        boolean degraded = state == LoopState.RESTARTING && !owner.now().isBefore(since.plus(owner.degradedAfter()));
        return new LoopStatus(name, kind, state, since, degraded, attempts, failures, lastFailure, lastFailureAt,
                nextTry, reason);
    }

    /** Taken over by a new registration of the same name: starts RUNNING, keeps the count of failures. */
    synchronized void restart() {
        enter(LoopState.RUNNING);
        attempts = 0;
        nextTry = null;
        reason = null;
    }

    private void enter(LoopState next) {
        state = next;
        since = owner.now();
    }
}
