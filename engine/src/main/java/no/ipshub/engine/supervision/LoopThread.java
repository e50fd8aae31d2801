package no.ipshub.engine.supervision;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a loop body on a daemon thread of its own, named after the loop, and keeps it alive: whatever escapes the
 * body (any {@link Throwable}), or the body returning while not asked to stop, restarts it after the handle's
 * back-off; a failure {@link LoopFailures#cannotRecover} cannot help turns the loop DOWN and ends the thread, as
 * does the body calling {@link LoopHandle#down}. The body reports {@link LoopHandle#running()} itself once it
 * works, so a body failing at once stays RESTARTING.
 */
public final class LoopThread {

    private static final Logger log = LoggerFactory.getLogger(LoopThread.class);

    /** A loop body: runs while {@link LoopThread#isRunning()}, e.g. polls until the thread is stopped. */
    @FunctionalInterface
    public interface Body {
        void run(LoopThread loop) throws Exception;
    }

    private final LoopHandle handle;
    private final Body body;
    private final Thread thread;
    private final Object sleeper = new Object();
    private volatile boolean running = true;

    private LoopThread(LoopHandle handle, Body body) {
        this.handle = handle;
        this.body = body;
        this.thread = new Thread(this::supervise, handle.name());
        this.thread.setDaemon(true);
    }

    /** Starts {@code body} on a new thread supervised through {@code handle}. */
    public static LoopThread start(LoopHandle handle, Body body) {
        LoopThread loop = new LoopThread(handle, body);
        loop.thread.start();
        return loop;
    }

    /** False once {@link #stop} was called: the body should return. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Asks the body to return, runs {@code wakeUp} (e.g. a Kafka consumer's {@code wakeup()}) so a blocking call
     * ends at once, and waits up to {@code timeout} for the thread to end. Returns whether it ended.
     */
    public boolean stop(Runnable wakeUp, Duration timeout) throws InterruptedException {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        wakeUp.run();
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void supervise() {
        while (running) {
            Throwable failure;
            try {
                body.run(this);
                if (!running || handle.state() == LoopState.DOWN) {
                    break;
                }
                failure = new IllegalStateException("the loop ended without being asked to stop");
            } catch (Throwable t) {
                if (!running) {
                    break;
                }
                failure = t;
            }
            if (LoopFailures.cannotRecover(failure)) {
                handle.down("a restart cannot help: " + LoopFailures.describe(failure));
                log.error("Loop {} is down: a restart cannot help", handle.name(), failure);
                return;
            }
            Duration wait = handle.failed(failure);
            // the stack trace with the first failure in a row only: a long outage logs one line per restart
            log.warn("Loop {} failed ({}); restarting in {} ms", handle.name(), LoopFailures.describe(failure),
                    wait.toMillis(), handle.status().attempts() == 1 ? failure : null);
            // a Kafka client interrupted on the way out leaves the flag set; the wait must still happen
            Thread.interrupted();
            sleep(wait);
        }
        if (handle.state() != LoopState.DOWN) {
            handle.stopped();
        }
    }

    private void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (sleeper) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    running = false;
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
