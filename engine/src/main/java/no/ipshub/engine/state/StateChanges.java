package no.ipshub.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one batch changes in the intake's state: the changelog records to send within the batch's transaction,
 * the same changes to apply to the store once it committed, and a view of them for the rest of the batch (a
 * follow-up after its referral, a repeat of a message, in the same batch). A decision the HTTP edge takes from
 * memory looks through its changes to those of the submissions accepted before it and not yet taken in
 * ({@link PendingIntake}).
 */
public final class StateChanges {

    private final StateChangelog changelog;
    private final Map<String, List<CaseOpening>> openings = new HashMap<>();
    private final Map<String, Long> closedAt = new HashMap<>();
    private final Map<String, Map<UUID, String>> accepted = new HashMap<>();
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final List<Consumer<CaseStateStore>> apply = new ArrayList<>();
    private final StateChanges before;

    StateChanges(StateChangelog changelog) {
        this(changelog, null);
    }

    /** Changes whose view includes {@code before}'s, which come first. */
    StateChanges(StateChangelog changelog, StateChanges before) {
        this.changelog = changelog;
        this.before = before;
    }

    /** Records that {@code messageId} was accepted in {@code caseId} from {@code sender}. */
    public void accepted(String caseId, UUID messageId, String sender, long atMillis) {
        accepted.computeIfAbsent(caseId, k -> new HashMap<>()).put(messageId, sender);
        records.add(changelog.acceptedRecord(caseId, messageId, sender, atMillis));
        apply.add(store -> store.partition(caseId).accepted(caseId, messageId, sender, atMillis));
    }

    /**
     * Records a referral's opening of its case, beside the openings the case had; a closed case is open again.
     *
     * @param wasClosed true when the case was closed
     */
    public void opened(CaseOpening opening, List<CaseOpening> before, boolean wasClosed) {
        boolean known = before.stream().anyMatch(o -> o.isSharedBy(opening.team(), opening.navOffice()));
        if (known && !wasClosed) {
            return;
        }
        List<CaseOpening> after = new ArrayList<>(before);
        if (!known) {
            after.add(opening);
        }
        parties(opening.caseId(), List.copyOf(after), 0L);
    }

    /** Records a referral's opening of its open case, beside the openings the case had. */
    public void opened(CaseOpening opening, List<CaseOpening> before) {
        opened(opening, before, false);
    }

    /** Records that the case with these openings was closed at {@code atMillis}. */
    public void closed(String caseId, List<CaseOpening> openings, long atMillis) {
        if (!openings.isEmpty()) {
            parties(caseId, List.copyOf(openings), atMillis);
        }
    }

    private void parties(String caseId, List<CaseOpening> now, long closedAt) {
        openings.put(caseId, now);
        this.closedAt.put(caseId, closedAt);
        records.add(changelog.partiesRecord(caseId, now, closedAt));
        apply.add(store -> store.partition(caseId).openings(caseId, now, closedAt));
    }

    /** Forgets the parties of a case closed longer ago than the closed-case retention. */
    void partiesExpired(String caseId) {
        openings.put(caseId, List.of());
        closedAt.put(caseId, 0L);
        records.add(changelog.partiesExpiredRecord(caseId));
        apply.add(store -> store.partition(caseId).openings(caseId, List.of(), 0L));
    }

    void expired(String caseId, UUID messageId) {
        records.add(changelog.expiredRecord(caseId, messageId));
        apply.add(store -> store.partition(caseId).forget(caseId, messageId));
    }

    /** Runs {@code task} when the changes are applied, after the ones recorded before it. */
    void afterApply(Runnable task) {
        apply.add(store -> task.run());
    }

    /** The changelog records to send with the batch. */
    public List<ProducerRecord<byte[], byte[]>> records() {
        return records;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    List<CaseOpening> openings(String caseId) {
        List<CaseOpening> mine = openings.get(caseId);
        return mine != null || before == null ? mine : before.openings(caseId);
    }

    Long closedAt(String caseId) {
        Long mine = closedAt.get(caseId);
        return mine != null || before == null ? mine : before.closedAt(caseId);
    }

    String senderOf(String caseId, UUID messageId) {
        Map<UUID, String> ids = accepted.get(caseId);
        String mine = ids == null ? null : ids.get(messageId);
        return mine != null || before == null ? mine : before.senderOf(caseId, messageId);
    }

    /** Takes over the view of {@code later}'s changes (not its records): they now come after these. */
    void absorb(StateChanges later) {
        later.accepted.forEach((caseId, ids) -> accepted.computeIfAbsent(caseId, k -> new HashMap<>()).putAll(ids));
        openings.putAll(later.openings);
        closedAt.putAll(later.closedAt);
    }

    /** Forgets {@code messageId} of {@code caseId}, and the case's parties once none of its ids is left here. */
    void forget(String caseId, UUID messageId) {
        Map<UUID, String> ids = accepted.get(caseId);
        if (ids != null) {
            ids.remove(messageId);
            if (!ids.isEmpty()) {
                return;
            }
            accepted.remove(caseId);
        }
        openings.remove(caseId);
        closedAt.remove(caseId);
    }

    int pendingIds() {
        int n = 0;
        for (Map<UUID, String> ids : accepted.values()) {
            n += ids.size();
        }
        return n;
    }

    void clear() {
        accepted.clear();
        openings.clear();
        closedAt.clear();
    }

    void applyTo(CaseStateStore store) {
        apply.forEach(change -> change.accept(store));
    }
}
