package no.ipshub.operations.deadletter;

/**
 * What a replay did with one dead letter.
 *
 * @param id        the dead letter's id
 * @param result    REPLAYED, NOT_FOUND or NOT_REPLAYABLE
 * @param detail    why it was not replayed; null when it was
 * @param topic     where its bytes were written; null when not replayed
 * @param partition the partition written to; -1 when not replayed
 * @param offset    the offset written at; -1 when not replayed
 */
public record ReplayOutcome(String id, Result result, String detail, String topic, int partition, long offset) {

    /** The outcome of one dead letter's replay. */
    public enum Result {
        /** Its original bytes were written back and acknowledged; the entry is REPLAYED. */
        REPLAYED,
        /** No dead letter has this id. */
        NOT_FOUND,
        /** Its state or content does not allow a replay; see the detail. */
        NOT_REPLAYABLE
    }

    static ReplayOutcome replayed(String id, String topic, int partition, long offset) {
        return new ReplayOutcome(id, Result.REPLAYED, null, topic, partition, offset);
    }

    static ReplayOutcome notFound(String id) {
        return new ReplayOutcome(id, Result.NOT_FOUND, "There is no dead letter " + id + ".", null, -1, -1);
    }

    static ReplayOutcome notReplayable(String id, String why) {
        return new ReplayOutcome(id, Result.NOT_REPLAYABLE, "Cannot be replayed: " + why + ".", null, -1, -1);
    }
}
