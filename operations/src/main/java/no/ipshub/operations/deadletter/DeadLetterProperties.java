package no.ipshub.operations.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dead-letter index and replay ({@code hub.dead-letters.*}).
 *
 * @param groupId            consumer group of the {@code dead-letter-index} route
 * @param consumers          consumer threads (at most the dead-letter topic's partitions)
 * @param maxPollRecords     largest batch indexed at once
 * @param batchingIntervalMs longest a partly filled batch waits before it is indexed anyway
 * @param pollTimeoutMs      how long one poll waits for records
 * @param maxReplaySelection most dead letters one replay request may put back on the ingress
 * @param previewBytes       how many leading bytes of an undecodable message the detail view shows
 */
@ConfigurationProperties("hub.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("ips-hub-dead-letter-index") String groupId,
        @DefaultValue("1") int consumers,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("50") int batchingIntervalMs,
        @DefaultValue("500") int pollTimeoutMs,
        @DefaultValue("1000") int maxReplaySelection,
        @DefaultValue("256") int previewBytes) {
}
