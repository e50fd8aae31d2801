package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.ipshub.engine.config.RetryProperties;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(new RetryProperties(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 5));

    @Test
    void waitDoublesPerFailureUpToTheMaximum() {
        assertThat(new long[] {backoff.next().toMillis(), backoff.next().toMillis(), backoff.next().toMillis(),
                backoff.next().toMillis()}).containsExactly(200, 400, 800, 1000);
    }

    @Test
    void successStartsAgainAtTheFirstWait() {
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
    }
}
