package no.ipshub.routes.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-off for transient failures of a batch (registry, database or broker away), {@code hub.routes.retry.*}.
 * After {@code maxRedeliveries} the batch is handed back to Kafka uncommitted and polled again, so a long outage
 * never exceeds the consumer's poll interval and nothing is skipped.
 *
 * @param initialDelay    first wait
 * @param multiplier      growth of the wait per attempt
 * @param maxDelay        longest single wait
 * @param maxRedeliveries attempts before the batch is re-polled
 */
@ConfigurationProperties("hub.routes.retry")
public record RetryProperties(
        @DefaultValue("200ms") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("10s") Duration maxDelay,
        @DefaultValue("8") int maxRedeliveries) {
}
