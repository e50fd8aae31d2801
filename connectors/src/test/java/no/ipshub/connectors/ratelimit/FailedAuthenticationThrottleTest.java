package no.ipshub.connectors.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthenticationThrottleTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final FailedAuthenticationThrottle throttle =
            new FailedAuthenticationThrottle(5, Duration.ofMinutes(1), 3, now::get);

    /** Unknown keys: each keeps its reservation. */
    private void fail(String client, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.reserve(client)).isEmpty();
        }
    }

    @Test
    void anAddressMayTryAsManyUnknownKeysAsTheLimit() {
        fail("203.0.113.7", 5);
    }

    @Test
    void anAddressAtTheLimitIsRefusedUntilOneAllowanceHasRefilled() {
        fail("203.0.113.7", 5);

        assertThat(throttle.reserve("203.0.113.7")).contains(Duration.ofSeconds(12));
    }

    @Test
    void aRefusedAddressMayTryAgainOnceTheAllowanceRefilled() {
        fail("203.0.113.7", 5);
        now.addAndGet(Duration.ofSeconds(12).toNanos());

        assertThat(throttle.reserve("203.0.113.7")).isEmpty();
    }

    @Test
    void knownKeysGiveTheirReservationBack() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.reserve("203.0.113.8")).isEmpty();
            throttle.release("203.0.113.8");
        }
    }

    @Test
    void failuresOfOneAddressDoNotRefuseAnother() {
        fail("203.0.113.7", 5);

        assertThat(throttle.reserve("198.51.100.20")).isEmpty();
    }

    @Test
    void theNumberOfRememberedAddressesIsBounded() {
        fail("203.0.113.1", 1);
        fail("203.0.113.2", 1);
        fail("203.0.113.3", 1);
        fail("203.0.113.4", 1);

        assertThat(throttle.trackedClients()).isEqualTo(3);
    }
}
