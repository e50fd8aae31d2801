package no.ipshub.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The state of one state partition as this instance has it: the cases, how far the changelog has been read, and
 * whether it must be caught up before the next use (when gained, after a failed batch). A change of mind while it
 * is being caught up (another failed batch) raises its generation, so that the catch-up in flight does not mark it
 * current.
 */
final class PartitionState {

    private final int partition;
    private final UnaryOperator<String> intern;
    private final Map<String, CaseState> cases = new HashMap<>();
    private long changelogPosition;
    private boolean stale = true;
    private long generation;
    private Instant expiredBefore = Instant.EPOCH;
    private Instant closedExpiredBefore = Instant.EPOCH;

    PartitionState(int partition, UnaryOperator<String> intern) {
        this.partition = partition;
        this.intern = intern;
    }

    int partition() {
        return partition;
    }

    synchronized boolean isStale() {
        return stale;
    }

    /** Marks the state as needing a catch-up; returns the generation a catch-up must finish to clear it. */
    synchronized long markStale() {
        stale = true;
        return ++generation;
    }

    synchronized long generation() {
        return generation;
    }

    synchronized long changelogPosition() {
        return changelogPosition;
    }

    /** Read up to {@code position}; current unless marked stale again since {@code generation}. */
    synchronized boolean caughtUp(long position, long generation) {
        changelogPosition = position;
        if (generation == this.generation) {
            stale = false;
        }
        return !stale;
    }

    /** Read up to {@code position}, whether or not that makes it current. */
    synchronized void readTo(long position) {
        changelogPosition = position;
    }

    synchronized List<CaseOpening> openings(String caseId) {
        CaseState c = cases.get(caseId);
        return c == null ? List.of() : c.openings();
    }

    synchronized long closedAt(String caseId) {
        CaseState c = cases.get(caseId);
        return c == null ? 0L : c.closedAt();
    }

    synchronized String senderOf(String caseId, UUID messageId) {
        CaseState c = cases.get(caseId);
        return c == null ? null : c.senderOf(messageId);
    }

    synchronized void openings(String caseId, List<CaseOpening> openings, long closedAt) {
        if (openings.isEmpty()) {
            CaseState c = cases.get(caseId);
            if (c != null) {
                c.openings(List.of(), 0L);
                dropIfEmpty(caseId, c);
            }
            return;
        }
        List<CaseOpening> shared = new ArrayList<>(openings.size());
        for (CaseOpening o : openings) {
            shared.add(new CaseOpening(caseId, intern.apply(o.team()), intern.apply(o.navOffice()), o.messageId()));
        }
        cases.computeIfAbsent(caseId, k -> new CaseState()).openings(shared, closedAt);
    }

    synchronized void accepted(String caseId, UUID messageId, String sender, long atMillis) {
        cases.computeIfAbsent(caseId, k -> new CaseState()).accepted(messageId, intern.apply(sender), atMillis);
    }

    synchronized void forget(String caseId, UUID messageId) {
        CaseState c = cases.get(caseId);
        if (c != null) {
            c.forget(messageId);
            dropIfEmpty(caseId, c);
        }
    }

    /** The accepted ids older than {@code cutoff}, by case. */
    synchronized Map<String, UUID[]> acceptedBefore(Instant cutoff) {
        long millis = cutoff.toEpochMilli();
        Map<String, UUID[]> old = new HashMap<>();
        cases.forEach((caseId, c) -> {
            UUID[] ids = c.acceptedBefore(millis);
            if (ids.length > 0) {
                old.put(caseId, ids);
            }
        });
        return old;
    }

    /** The cases closed before {@code cutoff}. */
    synchronized List<String> closedBefore(Instant cutoff) {
        long millis = cutoff.toEpochMilli();
        List<String> closed = new ArrayList<>();
        cases.forEach((caseId, c) -> {
            if (c.closedAt() > 0 && c.closedAt() < millis) {
                closed.add(caseId);
            }
        });
        return closed;
    }

    synchronized Instant expiredBefore() {
        return expiredBefore;
    }

    synchronized void expiredBefore(Instant cutoff) {
        expiredBefore = cutoff;
    }

    synchronized Instant closedExpiredBefore() {
        return closedExpiredBefore;
    }

    synchronized void closedExpiredBefore(Instant cutoff) {
        closedExpiredBefore = cutoff;
    }

    synchronized int caseCount() {
        return cases.size();
    }

    synchronized long acceptedCount() {
        long n = 0;
        for (CaseState c : cases.values()) {
            n += c.acceptedCount();
        }
        return n;
    }

    synchronized List<String> caseIds() {
        return new ArrayList<>(cases.keySet());
    }

    private void dropIfEmpty(String caseId, CaseState c) {
        if (c.isEmpty()) {
            cases.remove(caseId);
        }
    }
}
