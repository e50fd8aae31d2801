package no.ipshub.routes.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the hub remembers processed message ids ({@code hub.idempotency.*}). A message repeated within
 * the window is answered as a duplicate; the inbox store dedupes beyond it.
 *
 * @param retention        how long a processed message id is kept
 * @param purgeInterval    how often ids older than the retention are deleted
 * @param firstPurgeDelay  how long after start the first purge runs, so that it does not add to the start-up load
 * @param closedCaseRetention how long the parties of a closed case (an accepted EPISODE_CLOSED outcome) are kept;
 *                         after it, messages in the case are refused as NOT_A_CASE_PARTY until a new referral
 */
@ConfigurationProperties("hub.idempotency")
public record IdempotencyProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1m") Duration firstPurgeDelay,
        @DefaultValue("180d") Duration closedCaseRetention) {

    @ConstructorBinding
    public IdempotencyProperties {
    }

    /** The settings with the default closed-case retention. */
    public IdempotencyProperties(Duration retention, Duration purgeInterval, Duration firstPurgeDelay) {
        this(retention, purgeInterval, firstPurgeDelay, Duration.ofDays(180));
    }
}
