package no.ipshub.routes.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import no.ipshub.routes.error.TransientFailureException;

/**
 * Group commit for single submissions: concurrent callers (HTTP requests) are gathered into one batch, so
 * that a few dozen requests share one lookup per store, one Kafka round trip and one database transaction
 * instead of paying for them each. A batch forms from whatever is waiting when a drainer becomes free, so
 * nothing waits for a timer: a lone request goes out alone and at once.
 */
final class SubmissionBatcher implements AutoCloseable {

    private record Pending(Submission submission, CompletableFuture<IntakeResult> result) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<List<Submission>, List<IntakeResult>> batchIntake;
    private final int maxBatch;
    private final List<Thread> drainers = new ArrayList<>();
    private volatile boolean closed;

    SubmissionBatcher(Function<List<Submission>, List<IntakeResult>> batchIntake, int drainerCount, int maxBatch) {
        this.batchIntake = batchIntake;
        this.maxBatch = maxBatch;
        for (int i = 0; i < drainerCount; i++) {
            Thread drainer = new Thread(this::drain, "intake-batcher-" + i);
            drainer.setDaemon(true);
            drainer.start();
            drainers.add(drainer);
        }
    }

    /** Takes {@code submission} in with the next batch and returns its own result once the batch is done. */
    IntakeResult submit(Submission submission) {
        if (closed) {
            throw new TransientFailureException("the hub is shutting down", null);
        }
        CompletableFuture<IntakeResult> result = new CompletableFuture<>();
        queue.add(new Pending(submission, result));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while the message was being taken in", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TransientFailureException("the message could not be taken in", e.getCause());
        }
    }

    /** How many submissions wait for a drainer; for tests. */
    int waiting() {
        return queue.size();
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                List<IntakeResult> results = batchIntake.apply(batch.stream().map(Pending::submission).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                // the whole batch failed (a dependency is away): every caller gets the failure and may retry
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        drainers.forEach(Thread::interrupt);
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new TransientFailureException("the hub is shutting down", null));
        }
    }
}
