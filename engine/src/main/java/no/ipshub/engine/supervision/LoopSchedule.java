package no.ipshub.engine.supervision;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every interval on a daemon thread named after the loop, and keeps the schedule alive: whatever a
 * run throws (any {@link Throwable}) is reported and the next run follows after the longer of the interval and
 * the handle's back-off; a successful run reports RUNNING and the next follows after the interval. A failure
 * {@link LoopFailures#cannotRecover} cannot help turns the loop DOWN and ends the schedule.
 */
public final class LoopSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopSchedule.class);

    /** One run of a scheduled loop. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final LoopHandle handle;
    private final Duration interval;
    private final Task task;
    private final ScheduledExecutorService executor;

    private LoopSchedule(LoopHandle handle, Duration interval, Task task) {
        this.handle = handle;
        this.interval = interval;
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, handle.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} first after {@code initialDelay}, then every {@code interval}, supervised through {@code handle}. */
    public static LoopSchedule start(LoopHandle handle, Duration initialDelay, Duration interval, Task task) {
        LoopSchedule schedule = new LoopSchedule(handle, interval, task);
        schedule.executor.schedule(schedule::tick, initialDelay.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** Ends the schedule, interrupting a run in progress, and waits up to {@code timeout} for it to finish. */
    public void stop(Duration timeout) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (handle.state() != LoopState.DOWN) {
            handle.stopped();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** The stack trace is logged for the first failure in a row only: a long outage logs one line per run. */
    private Throwable firstOfItsRun(Throwable failure) {
        return handle.status().attempts() == 1 ? failure : null;
    }

    private void tick() {
        Duration next = interval;
        try {
            task.run();
            handle.running();
        } catch (Throwable t) {
            if (executor.isShutdown()) {
                return;
            }
            if (LoopFailures.cannotRecover(t)) {
                handle.down("a restart cannot help: " + LoopFailures.describe(t));
                log.error("Scheduled loop {} is down: a restart cannot help", handle.name(), t);
                executor.shutdown();
                return;
            }
            Duration backoff = handle.nextBackoff();
            next = backoff.compareTo(interval) > 0 ? backoff : interval;
            handle.failed(t, next);
            log.warn("Scheduled loop {} failed ({}); next run in {} ms", handle.name(), LoopFailures.describe(t),
                    next.toMillis(), firstOfItsRun(t));
        }
        try {
            executor.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopped meanwhile
        }
    }
}
