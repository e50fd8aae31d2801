package no.ipshub.operations.deadletter;

import java.time.Instant;

/**
 * One row of the dead-letter index, without the original bytes.
 *
 * @param id              the id of the first dead letter of this message; the id in the API's paths
 * @param partner         the partner whose ingress the message came through; null when not known
 * @param reasonCode      the {@code DeadLetterReason} of its latest failure
 * @param reason          the readable reason of its latest failure (names fields, never their values)
 * @param messageId       the message id when the message could be decoded; null otherwise
 * @param routeId         the route that failed it last
 * @param sourceTopic     where it was read from when it failed last ({@code http} for the HTTP edge)
 * @param sourcePartition that record's partition; -1 for HTTP
 * @param sourceOffset    that record's offset; -1 for HTTP
 * @param firstFailureAt  when it first failed
 * @param lastFailureAt   when it last failed
 * @param attempts        how many times it failed
 * @param status          OPEN, REPLAYED or DISCARDED
 * @param originalSize    bytes kept of the original value
 * @param replayCount     how many times operators replayed it
 * @param discardReason   the operator's reason when DISCARDED; null otherwise
 * @param decidedBy       the operator who last replayed or discarded it; null before any decision
 * @param decidedAt       when that happened; null before any decision
 */
public record DeadLetterEntry(
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
        Instant decidedAt) {
}
