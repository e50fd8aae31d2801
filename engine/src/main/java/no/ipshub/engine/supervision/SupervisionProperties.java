package no.ipshub.engine.supervision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub judges its long-running loops ({@code hub.supervision.*}). The wait between restarts is
 * {@code hub.routes.retry.*}.
 *
 * @param degradedAfter a loop failing on every try for longer than this counts as degraded: the {@code loops}
 *                      health component then reports DEGRADED (still ready) until it works again
 */
@ConfigurationProperties("hub.supervision")
public record SupervisionProperties(@DefaultValue("60s") Duration degradedAfter) {

    public SupervisionProperties {
        if (degradedAfter.isNegative()) {
            throw new IllegalArgumentException("hub.supervision.degraded-after must not be negative");
        }
    }
}
