package no.ipshub.operations.deadletter;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A dead letter as the operations API lists it: the index entry plus whether and where it can be replayed. In
 * JSON the entry's fields stand first, at the top level, as they do for a {@link DeadLetterEntry}.
 *
 * @param entry                the index entry
 * @param replayable           true when a replay would write it back now
 * @param replayTopic          where a replay writes it; null when not replayable
 * @param notReplayableBecause why it cannot be replayed; null when it can
 */
public record DeadLetterSummary(
        @JsonUnwrapped DeadLetterEntry entry,
        boolean replayable,
        String replayTopic,
        String notReplayableBecause) {

    /** The summary of {@code e} with its replay target. */
    public static DeadLetterSummary of(DeadLetterEntry e, ReplayTarget target) {
        return new DeadLetterSummary(e, target.replayable(), target.topic(), target.refusal());
    }
}
