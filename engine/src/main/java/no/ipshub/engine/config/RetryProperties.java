package no.ipshub.engine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-off after a batch failed for a reason that may pass (registry, database or broker away),
 * {@code hub.routes.retry.*}. The batch is never skipped: its partitions are sought back to their committed
 * offsets and polled again after the wait, which grows per failure up to {@code maxDelay}.
 *
 * @param initialDelay first wait
 * @param multiplier   growth of the wait per failure
 * @param maxDelay     longest single wait
 * @param recordAttempts how many times a transient failure may repeat on the same record before it counts as
 *                       that record's: the batch is then split to find the record, which is dead-lettered once the
 *                       route's dependencies answer (a failure of the route's own making splits at once)
 */
@ConfigurationProperties("hub.routes.retry")
public record RetryProperties(
        @DefaultValue("200ms") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("10s") Duration maxDelay,
        @DefaultValue("5") int recordAttempts) {

    @ConstructorBinding
    public RetryProperties {
    }

    /** The back-off with the default record attempts. */
    public RetryProperties(Duration initialDelay, double multiplier, Duration maxDelay) {
        this(initialDelay, multiplier, maxDelay, 5);
    }

    public static RetryProperties defaults() {
        return new RetryProperties(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10), 5);
    }
}
