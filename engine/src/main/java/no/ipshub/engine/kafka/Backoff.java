package no.ipshub.engine.kafka;

import java.time.Duration;
import no.ipshub.engine.config.RetryProperties;

/** Exponential back-off after failed batches ({@code hub.routes.retry.*}): grows per failure, resets on success. */
final class Backoff {

    private final RetryProperties retry;
    private int failures;

    Backoff(RetryProperties retry) {
        this.retry = retry;
    }

    /** The wait after one more failure. */
    Duration next() {
        double millis = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), failures);
        failures = Math.min(failures + 1, 30);
        return Duration.ofMillis((long) Math.min(millis, retry.maxDelay().toMillis()));
    }

    void reset() {
        failures = 0;
    }
}
