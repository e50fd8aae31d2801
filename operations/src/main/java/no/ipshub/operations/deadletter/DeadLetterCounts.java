package no.ipshub.operations.deadletter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dead letters counted by reason and status, for the dashboard and monitoring scripts.
 *
 * @param byReason one line per reason code, most open first
 * @param open     OPEN dead letters in all
 * @param replayed REPLAYED dead letters in all
 * @param discarded DISCARDED dead letters in all
 */
public record DeadLetterCounts(List<ReasonLine> byReason, long open, long replayed, long discarded) {

    /**
     * The counts of one reason code.
     *
     * @param reasonCode the reason code
     * @param open       OPEN dead letters with it
     * @param replayed   REPLAYED ones
     * @param discarded  DISCARDED ones
     */
    public record ReasonLine(String reasonCode, long open, long replayed, long discarded) {

        /** All dead letters with this reason code. */
        public long total() {
            return open + replayed + discarded;
        }
    }

    /** The counts from the store's per reason and status rows. */
    public static DeadLetterCounts of(List<DeadLetterStore.ReasonCount> rows) {
        Map<String, Map<DeadLetterStatus, Long>> byReason = new TreeMap<>();
        Map<DeadLetterStatus, Long> totals = new EnumMap<>(DeadLetterStatus.class);
        for (DeadLetterStore.ReasonCount row : rows) {
            byReason.computeIfAbsent(row.reasonCode(), k -> new EnumMap<>(DeadLetterStatus.class))
                    .merge(row.status(), row.count(), Long::sum);
            totals.merge(row.status(), row.count(), Long::sum);
        }
        List<ReasonLine> lines = new ArrayList<>();
        byReason.forEach((reason, counts) -> lines.add(new ReasonLine(reason,
                counts.getOrDefault(DeadLetterStatus.OPEN, 0L),
                counts.getOrDefault(DeadLetterStatus.REPLAYED, 0L),
                counts.getOrDefault(DeadLetterStatus.DISCARDED, 0L))));
        lines.sort((a, b) -> a.open() != b.open() ? Long.compare(b.open(), a.open()) : a.reasonCode().compareTo(b.reasonCode()));
        return new DeadLetterCounts(List.copyOf(lines), totals.getOrDefault(DeadLetterStatus.OPEN, 0L),
                totals.getOrDefault(DeadLetterStatus.REPLAYED, 0L), totals.getOrDefault(DeadLetterStatus.DISCARDED, 0L));
    }
}
