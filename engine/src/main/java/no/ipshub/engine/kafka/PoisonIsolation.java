package no.ipshub.engine.kafka;

import java.util.List;

/**
 * Finds the record a batch keeps failing on, so that it alone is dead-lettered and its partition moves on (as
 * Kafka Streams' exception handlers do), while a dependency outage only ever waits.
 *
 * <p>A batch runs whole while it succeeds. A failure of the route's own making (not transient) splits the
 * records that failed in halves at once; a transient failure (broker, registry, database away) that repeats
 * {@code attempts} times on the same first record splits them too, since a failure that follows a record is that
 * record's. Halves that commit move the partition on; a failing half is halved again at its first failure, down
 * to one record. One
 * record that failed {@link #QUARANTINE_AFTER_OWN_FAILURES} times of the route's own making, or {@code attempts}
 * times transiently, is due for quarantine: the loop dead-letters it once the route's dependencies answer, so an
 * outage never dead-letters anything. After a quarantine, or once as many records as the failed batch held have
 * committed, batches run whole again.
 */
final class PoisonIsolation {

    /** A single record failing this often of the route's own making is the record's fault. */
    static final int QUARANTINE_AFTER_OWN_FAILURES = 2;

    private final int attempts;
    private int limit = Integer.MAX_VALUE;
    private String suspect;
    private int failures;
    private boolean lastTransient;
    private Exception lastFailure;
    private int isolatedBatchSize;
    private int committedSinceIsolation;

    /** @param attempts how many transient failures on the same first record count as the record's */
    PoisonIsolation(int attempts) {
        this.attempts = Math.max(1, attempts);
    }

    /** How many records the next transaction may take. */
    int limit() {
        return limit;
    }

    boolean isolating() {
        return limit != Integer.MAX_VALUE;
    }

    /** The failure that made {@code record} due for quarantine (or the last failure seen). */
    Exception lastFailure() {
        return lastFailure;
    }

    /** How often the suspect failed in a row. */
    int failures() {
        return failures;
    }

    /** True when {@code next} failed alone often enough to be dead-lettered (once the dependencies answer). */
    boolean quarantineDue(ConsumedRecord next) {
        return limit == 1 && next.position().equals(suspect)
                && failures >= (lastTransient ? attempts : QUARANTINE_AFTER_OWN_FAILURES);
    }

    /** {@code count} records committed. */
    void committed(int count) {
        if (!isolating()) {
            return;
        }
        committedSinceIsolation += count;
        if (committedSinceIsolation >= isolatedBatchSize) {
            reset();
        }
    }

    /**
     * The transaction over {@code chunk} failed with {@code failure}; a rebalance is not counted. True when that
     * split the records further.
     */
    boolean failed(List<ConsumedRecord> chunk, Exception failure, boolean transientFailure) {
        String first = chunk.get(0).position();
        if (!first.equals(suspect) || transientFailure != lastTransient) {
            suspect = first;
            failures = 0;
        }
        failures++;
        lastTransient = transientFailure;
        lastFailure = failure;
        int threshold = transientFailure && !isolating() ? attempts : 1;
        if (chunk.size() > 1 && failures >= threshold) {
            if (!isolating()) {
                isolatedBatchSize = chunk.size();
                committedSinceIsolation = 0;
            }
            limit = Math.max(1, chunk.size() / 2);
            failures = 0;
            return true;
        }
        return false;
    }

    /** The suspect was dead-lettered: batches run whole again. */
    void quarantined() {
        reset();
    }

    private void reset() {
        limit = Integer.MAX_VALUE;
        suspect = null;
        failures = 0;
        lastFailure = null;
        isolatedBatchSize = 0;
        committedSinceIsolation = 0;
    }
}
