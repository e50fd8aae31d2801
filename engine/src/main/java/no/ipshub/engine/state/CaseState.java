package no.ipshub.engine.state;

import java.util.List;
import java.util.UUID;

/**
 * What the hub remembers of one case: the openings of its referrals, when it was closed (0 while open), and the
 * message ids accepted in it.
 */
final class CaseState {

    private List<CaseOpening> openings = List.of();
    private long closedAt;
    private final ProcessedIds processed = new ProcessedIds();

    List<CaseOpening> openings() {
        return openings;
    }

    long closedAt() {
        return closedAt;
    }

    void openings(List<CaseOpening> openings, long closedAt) {
        this.openings = List.copyOf(openings);
        this.closedAt = closedAt;
    }

    String senderOf(UUID messageId) {
        return processed.senderOf(messageId);
    }

    void accepted(UUID messageId, String sender, long atMillis) {
        processed.put(messageId, sender, atMillis);
    }

    void forget(UUID messageId) {
        processed.remove(messageId);
    }

    UUID[] acceptedBefore(long cutoffMillis) {
        return processed.acceptedBefore(cutoffMillis);
    }

    boolean isEmpty() {
        return openings.isEmpty() && processed.size() == 0;
    }

    int acceptedCount() {
        return processed.size();
    }
}
