package no.ipshub.engine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every Kafka batch consumer of the hub shares ({@code hub.routes.consumer.*}), declared once for
 * all routes that read Kafka.
 *
 * @param consumers          consumer threads per route and instance (more than the partitions of the topics a
 *                           route reads leaves some idle), except the partner-ingress route
 * @param intakeThreads      consumer threads of the partner-ingress route per instance, at most one per state
 *                           partition: each commits its own transactions, so more threads commit more of them
 *                           at once but each carries a smaller batch
 * @param maxPollRecords     largest batch one poll hands to a route
 * @param pollTimeout        how long one poll waits for records
 * @param sessionTimeout     how long a consumer may stay silent before the group gives its partitions to
 *                           another instance (a killed hub's partitions move after this)
 * @param transactionTimeout how long a transaction may stay open; an instance killed mid-transaction blocks
 *                           readers of the partitions it wrote (read_committed) at most this long, unless it
 *                           restarts first and aborts it itself
 * @param metadataRefresh    how soon a new partner's ingress topic is picked up by the pattern subscription
 */
@ConfigurationProperties("hub.routes.consumer")
public record ConsumerProperties(
        @DefaultValue("1") int consumers,
        @DefaultValue("1") int intakeThreads,
        @DefaultValue("1000") int maxPollRecords,
        @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("10s") Duration transactionTimeout,
        @DefaultValue("10s") Duration metadataRefresh) {

    public static ConsumerProperties defaults() {
        return new ConsumerProperties(1, 1, 1000, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }
}
