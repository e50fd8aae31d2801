package no.ipshub.connectors.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait after a failed attempt: {@code initial * multiplier^(failures - 1)}, at most {@code max}, shortened
 * by up to a fifth at random so that deliveries failed together by one outage do not all return at once.
 */
public final class WebhookBackoff {

    private final Duration initial;
    private final double multiplier;
    private final Duration max;

    public WebhookBackoff(Duration initial, double multiplier, Duration max) {
        this.initial = initial;
        this.multiplier = multiplier;
        this.max = max;
    }

    /** The wait after the {@code failures}-th failed attempt in a row (1 for the first). */
    public Duration after(int failures) {
        double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
        double capped = Math.min(nanos, max.toNanos());
        double jitter = 1 - ThreadLocalRandom.current().nextDouble(0, 0.2);
        return Duration.ofNanos((long) (capped * jitter));
    }

    /** The longest wait {@link #after} can give for {@code failures}, without the random part. */
    public Duration ceiling(int failures) {
        double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
        return Duration.ofNanos((long) Math.min(nanos, max.toNanos()));
    }
}
