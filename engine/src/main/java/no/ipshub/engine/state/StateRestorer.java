package no.ipshub.engine.state;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.supervision.LoopHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores and catches up state partitions on a thread of its own, one at a time, while the consumers that
 * gained them keep them paused, and releases the state of partitions no consumer holds any more. A partition whose
 * changelog cannot be read (its leader is away, a former owner's transaction is still open) is tried again after
 * a back-off; its consumer stays paused, so nothing is decided on a part of its state.
 */
final class StateRestorer implements AutoCloseable {

    /** The restorer's name in the loops registry and of its thread. */
    static final String LOOP = "intake-state-restorer";
    private static final Logger log = LoggerFactory.getLogger(StateRestorer.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final CaseStateStore store;
    private final LoopHandle loop;
    private final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    private final Set<Integer> queued = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private Duration retry = FIRST_RETRY;

    /** @param loop where it reports restarts; may be null */
    StateRestorer(CaseStateStore store, LoopHandle loop) {
        this.store = store;
        this.loop = loop;
        this.thread = new Thread(this::run, LOOP);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks for partition {@code p} to be caught up (restored, when this instance had nothing of it). */
    void restore(int p) {
        if (queued.add(p)) {
            queue.add(p);
        }
    }

    private void run() {
        while (running) {
            try {
                Integer p = queue.poll(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                store.releaseUnheld();
                if (p == null) {
                    continue;
                }
                queued.remove(p);
                PartitionState state = store.toRestore(p);
                if (state != null && !store.catchUp(state)) {
                    restore(p);
                }
                retry = FIRST_RETRY;
                if (loop != null) {
                    loop.running();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the partition that failed is still stale and still asked for; wait, then try the queue again
                log.warn("Restoring intake state failed ({}); trying again in {} ms", e.toString(), retry.toMillis());
                if (loop != null) {
                    loop.failed(e, retry);
                }
                requeueStale();
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private void requeueStale() {
        for (int p : store.partitionsInMemory()) {
            if (store.toRestore(p) != null) {
                restore(p);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.stopped();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
