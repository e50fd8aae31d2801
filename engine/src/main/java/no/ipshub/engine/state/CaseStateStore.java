package no.ipshub.engine.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state that decides a message, kept with its partition (as Kafka Streams keeps a state store): per case the
 * parties its referrals opened (and when it was closed) and the message ids accepted in it, materialised in memory
 * on the instance that owns the case's partition and written to a compacted changelog in the same transaction as
 * the messages.
 *
 * <ul>
 *   <li>A partition a consumer gains is restored from the changelog on the {@link StateRestorer}'s thread, while
 *       the consumer keeps its partitions paused ({@link #notReady}); a partition it had before is only caught up
 *       from where it stopped. So nothing is decided on state that is not current, and the poll loop never waits
 *       for a restore.</li>
 *   <li>A partition no consumer of this instance holds any more is released after {@link #RELEASE_AFTER} (a
 *       rebalance usually hands it straight back, and a catch-up is cheaper than a restore).</li>
 *   <li>Accepted ids older than the idempotency retention and the parties of cases closed longer ago than the
 *       closed-case retention are expired by tombstones, written by the partition's owner.</li>
 * </ul>
 */
public final class CaseStateStore implements BatchConsumerSpec.PartitionListener, AutoCloseable {

    /** How long the state of a partition no consumer here holds is kept, in case it comes back. */
    public static final Duration RELEASE_AFTER = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(CaseStateStore.class);

    private final StateChangelog changelog;
    private final ChangelogReader reader;
    private final Map<Integer, PartitionState> partitions = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Integer>> holders = new ConcurrentHashMap<>();
    private final Map<Integer, Long> unheldSince = new ConcurrentHashMap<>();
    private final Map<Integer, PendingIntake> pending = new ConcurrentHashMap<>();
    private final Map<String, String> interned = new ConcurrentHashMap<>();
    private final Duration releaseAfter;
    private final SupervisedLoops loops;
    private volatile Instant expiryCutoff = Instant.EPOCH;
    private volatile Instant closedCaseCutoff = Instant.EPOCH;
    private StateRestorer restorer;

    public CaseStateStore(StateChangelog changelog, ChangelogReader reader) {
        this(changelog, reader, RELEASE_AFTER);
    }

    /** A store that releases the state of a partition no consumer here holds after {@code releaseAfter}. */
    public CaseStateStore(StateChangelog changelog, ChangelogReader reader, Duration releaseAfter) {
        this(changelog, reader, releaseAfter, null);
    }

    /** @param loops where the restorer reports whether it works or restarts; null: nowhere */
    public CaseStateStore(StateChangelog changelog, ChangelogReader reader, Duration releaseAfter,
            SupervisedLoops loops) {
        this.changelog = changelog;
        this.reader = reader;
        this.releaseAfter = releaseAfter;
        this.loops = loops;
    }

    public StateChangelog changelog() {
        return changelog;
    }

    @Override
    public void assigned(int consumer, Collection<TopicPartition> assigned) {
        for (int p : statePartitionsOf(assigned)) {
            holders.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(consumer);
            unheldSince.remove(p);
            PartitionState state = partition(p);
            if (state.isStale()) {
                restorer().restore(p);
            }
        }
    }

    @Override
    public void revoked(int consumer, Collection<TopicPartition> revoked) {
        long now = System.nanoTime();
        for (int p : statePartitionsOf(revoked)) {
            Set<Integer> held = holders.get(p);
            if (held != null) {
                held.remove(consumer);
                if (held.isEmpty()) {
                    unheldSince.put(p, now);
                }
            }
            // another instance may write it now: whatever comes back must first be caught up
            partition(p).markStale();
            PendingIntake submitted = pending.get(p);
            if (submitted != null) {
                submitted.clear();
            }
        }
    }

    @Override
    public void uncertain(int consumer, Collection<TopicPartition> failed) {
        for (int p : statePartitionsOf(failed)) {
            partition(p).markStale();
            restorer().restore(p);
        }
    }

    @Override
    public Set<TopicPartition> notReady(Collection<TopicPartition> assignment) {
        Set<TopicPartition> waiting = new HashSet<>();
        for (TopicPartition tp : assignment) {
            PartitionState state = partitions.get(changelog.statePartitionOf(tp.partition()));
            if (state == null || state.isStale()) {
                waiting.add(tp);
            }
        }
        return waiting;
    }

    /**
     * The submissions pending in partition {@code p} when this instance holds it and its state is current, so that
     * the HTTP edge may decide a message of it from memory; null otherwise.
     */
    public PendingIntake decidingHere(int p) {
        Set<Integer> held = holders.get(p);
        PartitionState state = partitions.get(p);
        if (held == null || held.isEmpty() || state == null || state.isStale()) {
            return null;
        }
        return pending.computeIfAbsent(p, k -> new PendingIntake(changelog));
    }

    /** The intake took in a submission the HTTP edge had decided from memory: it is no longer pending. */
    public void settled(String caseId, UUID messageId) {
        PendingIntake submitted = pending.get(changelog.partitionOf(caseId));
        if (submitted != null) {
            submitted.settled(caseId, messageId);
        }
    }

    /** Submissions decided from memory and not yet taken in, on this instance. */
    public int pendingCount() {
        return pending.values().stream().mapToInt(PendingIntake::size).sum();
    }

    /** True when this instance holds the case's partition and is restoring it: its messages must wait. */
    public boolean isRestoring(String caseId) {
        int p = changelog.partitionOf(caseId);
        Set<Integer> held = holders.get(p);
        PartitionState state = partitions.get(p);
        return held != null && !held.isEmpty() && state != null && state.isStale();
    }

    /**
     * Fails when any of these state partitions is not current. The consumer pauses partitions until their state
     * is restored, so this only trips on a race with a failed batch; the batch is then read again.
     */
    public void requireReady(Collection<Integer> statePartitions) {
        for (int p : statePartitions) {
            PartitionState state = partitions.get(p);
            if (state == null || state.isStale()) {
                restorer().restore(p);
                throw new TransientFailureException("state partition " + p + " is being restored", null);
            }
        }
    }

    /** The state partitions the records of these topic partitions belong to. */
    public Set<Integer> statePartitionsOf(Collection<TopicPartition> topicPartitions) {
        Set<Integer> result = new TreeSet<>();
        topicPartitions.forEach(tp -> result.add(changelog.statePartitionOf(tp.partition())));
        return result;
    }

    /**
     * Catches up these state partitions on the calling thread, now (tools and tests that read the state outside a
     * consumer; consumers have it restored for them).
     */
    public void ensureCurrent(Collection<Integer> statePartitions) {
        for (int p : statePartitions) {
            PartitionState state = partition(p);
            if (state.isStale()) {
                catchUp(state);
            }
        }
    }

    /** Reads the changelog of {@code state}'s partition from where it stopped; false if marked stale meanwhile. */
    boolean catchUp(PartitionState state) {
        long started = System.nanoTime();
        long generation = state.generation();
        long from = state.changelogPosition();
        int read = reader.catchUp(changelog.topic(), state);
        boolean current = state.caughtUp(state.changelogPosition(), generation);
        log.info("State partition {} caught up from changelog offset {} to {}: {} records in {} ms, {} cases",
                state.partition(), from, state.changelogPosition(), read, (System.nanoTime() - started) / 1_000_000,
                state.caseCount());
        return current;
    }

    /** The partition's state if this instance still wants it restored (held here, and not current). */
    PartitionState toRestore(int p) {
        PartitionState state = partitions.get(p);
        Set<Integer> held = holders.get(p);
        return state != null && state.isStale() && held != null && !held.isEmpty() ? state : null;
    }

    /** Drops the state of partitions no consumer here has held for the release delay; returns how many. */
    int releaseUnheld() {
        long cutoff = System.nanoTime() - releaseAfter.toNanos();
        int released = 0;
        for (Map.Entry<Integer, Long> e : unheldSince.entrySet()) {
            int p = e.getKey();
            Set<Integer> held = holders.get(p);
            if (e.getValue() < cutoff && (held == null || held.isEmpty())) {
                PartitionState dropped = partitions.remove(p);
                unheldSince.remove(p);
                released++;
                log.info("Released the state of partition {} ({} cases), held by another instance now", p,
                        dropped == null ? 0 : dropped.caseCount());
            }
        }
        return released;
    }

    /** A new, empty set of changes for one batch. */
    public StateChanges changes() {
        return new StateChanges(changelog);
    }

    /** The parties of a case as opened by its referrals, including openings earlier in the same batch. */
    public List<CaseOpening> openings(String caseId, StateChanges batch) {
        List<CaseOpening> pending = batch.openings(caseId);
        return pending != null ? pending : partition(caseId).openings(caseId);
    }

    /** True when the case was closed (and not opened again by a later referral), this batch included. */
    public boolean isClosed(String caseId, StateChanges batch) {
        Long pending = batch.closedAt(caseId);
        return (pending != null ? pending : partition(caseId).closedAt(caseId)) > 0;
    }

    /** The sender of {@code messageId} when it was accepted in {@code caseId} (this batch included); null otherwise. */
    public String senderOf(String caseId, UUID messageId, StateChanges batch) {
        String pending = batch.senderOf(caseId, messageId);
        return pending != null ? pending : partition(caseId).senderOf(caseId, messageId);
    }

    /** Applies a committed batch's changes. */
    public void apply(StateChanges committed) {
        committed.applyTo(this);
    }

    /** Asks for the ids accepted before {@code cutoff} to be expired, by whichever thread owns their partition. */
    public void requestExpiry(Instant cutoff) {
        expiryCutoff = cutoff;
    }

    /**
     * Asks for the ids accepted before {@code idCutoff} and the parties of cases closed before
     * {@code closedCaseCutoff} to be expired, by whichever thread owns their partition.
     */
    public void requestExpiry(Instant idCutoff, Instant closedCaseCutoff) {
        this.expiryCutoff = idCutoff;
        this.closedCaseCutoff = closedCaseCutoff;
    }

    /** True when a requested expiry has not run on some partition this instance has current state for. */
    public boolean expiryDue() {
        Instant ids = expiryCutoff;
        Instant closed = closedCaseCutoff;
        return partitions.values().stream().anyMatch(p -> !p.isStale()
                && (p.expiredBefore().isBefore(ids) || p.closedExpiredBefore().isBefore(closed)));
    }

    /**
     * Adds to {@code batch} a tombstone for every id accepted before the requested cutoff, and for the parties of
     * every case closed before the requested closed-case cutoff, in these state partitions (current ones only);
     * returns how many.
     */
    public int expire(Collection<Integer> statePartitions, StateChanges batch) {
        Instant ids = expiryCutoff;
        Instant closed = closedCaseCutoff;
        int expired = 0;
        for (int p : statePartitions) {
            PartitionState state = partitions.get(p);
            if (state == null || state.isStale()) {
                continue;
            }
            if (state.expiredBefore().isBefore(ids)) {
                for (Map.Entry<String, UUID[]> e : state.acceptedBefore(ids).entrySet()) {
                    for (UUID id : e.getValue()) {
                        batch.expired(e.getKey(), id);
                        expired++;
                    }
                }
                batch.afterApply(() -> state.expiredBefore(ids));
            }
            if (state.closedExpiredBefore().isBefore(closed)) {
                for (String caseId : state.closedBefore(closed)) {
                    batch.partiesExpired(caseId);
                    expired++;
                }
                batch.afterApply(() -> state.closedExpiredBefore(closed));
            }
        }
        return expired;
    }

    /** Cases remembered on this instance. */
    public int caseCount() {
        return partitions.values().stream().mapToInt(PartitionState::caseCount).sum();
    }

    /** Accepted message ids remembered on this instance. */
    public long acceptedCount() {
        return partitions.values().stream().mapToLong(PartitionState::acceptedCount).sum();
    }

    /** State partitions this instance keeps in memory. */
    public Set<Integer> partitionsInMemory() {
        return Set.copyOf(partitions.keySet());
    }

    PartitionState partition(String caseId) {
        return partition(changelog.partitionOf(caseId));
    }

    private PartitionState partition(int p) {
        return partitions.computeIfAbsent(p, k -> new PartitionState(k, this::intern));
    }

    private synchronized StateRestorer restorer() {
        if (restorer == null) {
            restorer = new StateRestorer(this,
                    loops == null ? null : loops.register(StateRestorer.LOOP, LoopKind.THREAD));
            restorer.start();
        }
        return restorer;
    }

    private String intern(String text) {
        String known = interned.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    @Override
    public synchronized void close() {
        if (restorer != null) {
            restorer.close();
            restorer = null;
        }
    }
}
