package no.ipshub.engine.state;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The HTTP submissions of one state partition that this instance, owning the partition, accepted from memory and
 * wrote to the submission topic, until the intake has taken them in (committed). Decisions taken from memory see
 * them, so a follow-up right after its referral, or a message sent twice, is answered as the intake will decide
 * it. Its lock orders the decisions of a partition with their writes: submissions reach the topic in the order
 * they were decided, and the intake, reading them in that order, reaches the same decisions.
 */
public final class PendingIntake {

    private final ReentrantLock lock = new ReentrantLock();
    private final StateChanges pending;
    private final StateChangelog changelog;

    PendingIntake(StateChangelog changelog) {
        this.changelog = changelog;
        this.pending = new StateChanges(changelog);
    }

    /** Takes the partition's lock: decide, write and {@link #accepted} under it. */
    public void lock() {
        lock.lock();
    }

    public void unlock() {
        lock.unlock();
    }

    /** Changes for one decision, seeing the pending submissions' (call under the lock). */
    public StateChanges decision() {
        return new StateChanges(changelog, pending);
    }

    /** The decision's submission was written: its changes are pending until the intake takes it in. */
    public void accepted(StateChanges decision) {
        pending.absorb(decision);
    }

    /** The intake took the submission in (or the write failed): it is no longer pending. */
    public void settled(String caseId, UUID messageId) {
        lock.lock();
        try {
            pending.forget(caseId, messageId);
        } finally {
            lock.unlock();
        }
    }

    /** Submissions not yet taken in. */
    public int size() {
        lock.lock();
        try {
            return pending.pendingIds();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            pending.clear();
        } finally {
            lock.unlock();
        }
    }
}
