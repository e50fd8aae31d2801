package no.ipshub.routes.state;

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
 * follow-up after its referral, a repeat of a message, in the same batch).
 */
public final class StateChanges {

    private final StateChangelog changelog;
    private final Map<String, List<CaseOpening>> openings = new HashMap<>();
    private final Map<String, Map<UUID, String>> accepted = new HashMap<>();
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final List<Consumer<CaseStateStore>> apply = new ArrayList<>();

    StateChanges(StateChangelog changelog) {
        this.changelog = changelog;
    }

    /** Records that {@code messageId} was accepted in {@code caseId} from {@code sender}. */
    public void accepted(String caseId, UUID messageId, String sender, long atMillis) {
        accepted.computeIfAbsent(caseId, k -> new HashMap<>()).put(messageId, sender);
        records.add(changelog.acceptedRecord(caseId, messageId, sender, atMillis));
        apply.add(store -> store.partition(caseId).accepted(caseId, messageId, sender, atMillis));
    }

    /** Records a referral's opening of its case, beside the openings the case had. */
    public void opened(CaseOpening opening, List<CaseOpening> before) {
        if (before.stream().anyMatch(o -> o.isSharedBy(opening.team(), opening.navOffice()))) {
            return;
        }
        List<CaseOpening> after = new ArrayList<>(before);
        after.add(opening);
        List<CaseOpening> now = List.copyOf(after);
        openings.put(opening.caseId(), now);
        records.add(changelog.partiesRecord(opening.caseId(), now));
        apply.add(store -> store.partition(opening.caseId()).openings(opening.caseId(), now));
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
        return openings.get(caseId);
    }

    String senderOf(String caseId, UUID messageId) {
        Map<UUID, String> ids = accepted.get(caseId);
        return ids == null ? null : ids.get(messageId);
    }

    void applyTo(CaseStateStore store) {
        apply.forEach(change -> change.accept(store));
    }
}
