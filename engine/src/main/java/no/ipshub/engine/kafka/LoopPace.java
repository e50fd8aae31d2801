package no.ipshub.engine.kafka;

import java.time.Duration;
import no.ipshub.engine.supervision.LoopHandle;

/**
 * The pace of one poll loop: its back-off after failures, its waits (cut short when the loop stops), and what it
 * tells its supervisor about how it is doing.
 */
final class LoopPace {

    private final Backoff backoff;
    private final LoopHandle loop;
    private final Object sleeper = new Object();
    private volatile boolean running = true;

    LoopPace(Backoff backoff, LoopHandle loop) {
        this.backoff = backoff;
        this.loop = loop;
    }

    boolean running() {
        return running;
    }

    /** Ends the current wait, and the loop once it finishes the batch in hand. */
    void stop() {
        running = false;
        if (loop != null) {
            loop.stopped();
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** One more failure: the wait before trying again, which the supervisor is told of. */
    Duration failed(Throwable failure) {
        Duration wait = backoff.next();
        if (loop != null) {
            loop.failed(failure, wait);
        }
        return wait;
    }

    /** A step towards the record at fault was made: the next, smaller try need not wait long. */
    void resetBackoff() {
        backoff.reset();
    }

    /** A batch was committed. */
    void succeeded() {
        backoff.reset();
        reportRunning();
    }

    void reportRunning() {
        if (loop != null) {
            loop.running();
        }
    }

    void sleep(Duration wait) {
        synchronized (sleeper) {
            if (!running) {
                return;
            }
            try {
                sleeper.wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
