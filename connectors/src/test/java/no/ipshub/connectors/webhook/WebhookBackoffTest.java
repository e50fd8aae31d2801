package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    private final WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5));

    @Test
    void theWaitDoublesWithEachFailure() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertThat(backoff.ceiling(30)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theRandomPartShortensTheWaitByAtMostAFifth() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.after(3)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(40));
        }
    }
}
