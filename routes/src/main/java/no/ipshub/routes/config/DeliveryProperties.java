package no.ipshub.routes.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox-delivery consumer ({@code hub.delivery.*}), which reads the canonical topics.
 *
 * @param groupId            consumer group of the inbox-delivery route
 * @param consumers          consumer threads (at most the canonical partitions)
 * @param maxPollRecords     largest batch handled at once
 * @param batchingIntervalMs longest a partly filled batch waits before it is handled anyway
 * @param pollTimeoutMs      how long one poll waits for records
 */
@ConfigurationProperties("hub.delivery")
public record DeliveryProperties(
        @DefaultValue("ips-hub-delivery") String groupId,
        @DefaultValue("1") int consumers,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("10") int batchingIntervalMs,
        @DefaultValue("100") int pollTimeoutMs) {
}
