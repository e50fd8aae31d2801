package no.ipshub.operations.deadletter;

import java.time.Instant;

/**
 * A dead letter as the operations API lists it: the index entry plus whether and where it can be replayed.
 * The fields are those of {@link DeadLetterEntry}, and:
 *
 * @param replayable           true when a replay would write it back now
 * @param replayTopic          where a replay writes it; null when not replayable
 * @param notReplayableBecause why it cannot be replayed; null when it can
 */
public record DeadLetterSummary(
        String id,
        String partner,
        String reasonCode,
        String reason,
        String messageId,
        String routeId,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        Instant firstFailureAt,
        Instant lastFailureAt,
        int attempts,
        DeadLetterStatus status,
        int originalSize,
        int replayCount,
        String discardReason,
        String decidedBy,
        Instant decidedAt,
        boolean replayable,
        String replayTopic,
        String notReplayableBecause) {

    /** The summary of {@code e} with its replay target. */
    public static DeadLetterSummary of(DeadLetterEntry e, ReplayTarget target) {
        return new DeadLetterSummary(e.id(), e.partner(), e.reasonCode(), e.reason(), e.messageId(), e.routeId(),
                e.sourceTopic(), e.sourcePartition(), e.sourceOffset(), e.firstFailureAt(), e.lastFailureAt(),
                e.attempts(), e.status(), e.originalSize(), e.replayCount(), e.discardReason(), e.decidedBy(),
                e.decidedAt(), target.replayable(), target.topic(), target.refusal());
    }
}
