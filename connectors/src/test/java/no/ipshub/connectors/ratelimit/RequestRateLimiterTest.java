package no.ipshub.connectors.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RequestRateLimiter limiter = new RequestRateLimiter(2, 3, now::get);

    private void take(String caller, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.acquire(caller)).isEmpty();
        }
    }

    @Test
    void aCallerMayMakeItsBurstAtOnce() {
        take("PARTNER:haukeland-tsb", 3);
    }

    @Test
    void theRequestAfterTheBurstIsRefusedWithTheTimeUntilTheNextToken() {
        take("PARTNER:haukeland-tsb", 3);

        assertThat(limiter.acquire("PARTNER:haukeland-tsb")).contains(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        take("PARTNER:haukeland-tsb", 3);
        now.addAndGet(Duration.ofMillis(500).toNanos());

        assertThat(limiter.acquire("PARTNER:haukeland-tsb")).isEmpty();
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurst() {
        take("PARTNER:haukeland-tsb", 1);
        now.addAndGet(Duration.ofHours(1).toNanos());
        take("PARTNER:haukeland-tsb", 3);

        assertThat(limiter.acquire("PARTNER:haukeland-tsb")).isPresent();
    }

    @Test
    void oneCallersBurstDoesNotSlowAnother() {
        take("PARTNER:haukeland-tsb", 3);

        assertThat(limiter.acquire("PARTNER:nav-bergenhus")).isEmpty();
    }
}
