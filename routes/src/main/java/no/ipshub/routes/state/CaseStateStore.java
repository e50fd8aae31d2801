package no.ipshub.routes.state;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.ipshub.routes.kafka.BatchConsumerSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state that decides a message, kept with its partition (as Kafka Streams keeps a state store): per case the
 * parties its referral opened and the message ids accepted in it, materialised in memory on the instance that owns
 * the case's partition and written to a compacted changelog in the same transaction as the messages. A partition
 * this instance gains (at start, after a rebalance, after a failed batch) is caught up from the changelog before
 * it is used.
 */
public final class CaseStateStore implements BatchConsumerSpec.PartitionListener {

    private static final Logger log = LoggerFactory.getLogger(CaseStateStore.class);

    private final StateChangelog changelog;
    private final ChangelogReader reader;
    private final Map<Integer, PartitionState> partitions = new ConcurrentHashMap<>();
    private final Map<String, String> interned = new ConcurrentHashMap<>();
    private volatile Instant expiryCutoff = Instant.EPOCH;

    public CaseStateStore(StateChangelog changelog, ChangelogReader reader) {
        this.changelog = changelog;
        this.reader = reader;
    }

    public StateChangelog changelog() {
        return changelog;
    }

    @Override
    public void assigned(Collection<TopicPartition> assigned) {
        statePartitionsOf(assigned).forEach(p -> partition(p).markStale());
    }

    @Override
    public void revoked(Collection<TopicPartition> revoked) {
        statePartitionsOf(revoked).forEach(p -> partition(p).markStale());
    }

    /** The state partitions the records of these topic partitions belong to. */
    public Set<Integer> statePartitionsOf(Collection<TopicPartition> topicPartitions) {
        Set<Integer> result = new TreeSet<>();
        topicPartitions.forEach(tp -> result.add(tp.partition() % changelog.partitions()));
        return result;
    }

    /** Catches up the state partitions that changed hands since they were last read. */
    public void ensureCurrent(Collection<Integer> statePartitions) {
        for (int p : statePartitions) {
            PartitionState state = partition(p);
            if (state.isStale()) {
                long started = System.nanoTime();
                long from = state.changelogPosition();
                int read = reader.catchUp(changelog.topic(), state);
                log.info("State partition {} caught up from changelog offset {} to {}: {} records in {} ms, {} cases", p,
                        from, state.changelogPosition(), read, (System.nanoTime() - started) / 1_000_000,
                        state.caseCount());
            }
        }
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

    /** True when a requested expiry has not run on some partition this instance has state for. */
    public boolean expiryDue() {
        Instant cutoff = expiryCutoff;
        return partitions.values().stream().anyMatch(p -> !p.isStale() && p.expiredBefore().isBefore(cutoff));
    }

    /**
     * Adds to {@code batch} a tombstone for every id accepted before the requested cutoff in these state partitions
     * (current ones only); returns how many.
     */
    public int expire(Collection<Integer> statePartitions, StateChanges batch) {
        Instant cutoff = expiryCutoff;
        int expired = 0;
        for (int p : statePartitions) {
            PartitionState state = partitions.get(p);
            if (state == null || state.isStale() || !state.expiredBefore().isBefore(cutoff)) {
                continue;
            }
            for (Map.Entry<String, UUID[]> e : state.acceptedBefore(cutoff).entrySet()) {
                for (UUID id : e.getValue()) {
                    batch.expired(e.getKey(), id);
                    expired++;
                }
            }
            batch.afterApply(() -> state.expiredBefore(cutoff));
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

    PartitionState partition(String caseId) {
        return partition(changelog.partitionOf(caseId));
    }

    private PartitionState partition(int p) {
        return partitions.computeIfAbsent(p, k -> new PartitionState(k, this::intern));
    }

    private String intern(String text) {
        String known = interned.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}
