package no.ipshub.routes.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The state of one state partition as this instance has it: the cases, how far the changelog has been read,
 * and whether it must be caught up before the next use (after a rebalance or a failed batch).
 */
final class PartitionState {

    private final int partition;
    private final UnaryOperator<String> intern;
    private final Map<String, CaseState> cases = new HashMap<>();
    private long changelogPosition;
    private boolean stale = true;
    private Instant expiredBefore = Instant.EPOCH;

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

    synchronized void markStale() {
        stale = true;
    }

    synchronized long changelogPosition() {
        return changelogPosition;
    }

    synchronized void caughtUp(long position) {
        changelogPosition = position;
        stale = false;
    }

    synchronized List<CaseOpening> openings(String caseId) {
        CaseState c = cases.get(caseId);
        return c == null ? List.of() : c.openings();
    }

    synchronized String senderOf(String caseId, UUID messageId) {
        CaseState c = cases.get(caseId);
        return c == null ? null : c.senderOf(messageId);
    }

    synchronized void openings(String caseId, List<CaseOpening> openings) {
        if (openings.isEmpty()) {
            CaseState c = cases.get(caseId);
            if (c != null) {
                c.openings(List.of());
                dropIfEmpty(caseId, c);
            }
            return;
        }
        cases.computeIfAbsent(caseId, k -> new CaseState()).openings(openings);
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

    synchronized Instant expiredBefore() {
        return expiredBefore;
    }

    synchronized void expiredBefore(Instant cutoff) {
        expiredBefore = cutoff;
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
