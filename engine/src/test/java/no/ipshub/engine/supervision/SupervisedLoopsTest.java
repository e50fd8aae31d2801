package no.ipshub.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import no.ipshub.engine.config.RetryProperties;
import org.junit.jupiter.api.Test;

class SupervisedLoopsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SupervisedLoops loops = new SupervisedLoops(
            new RetryProperties(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1)), Duration.ofSeconds(60), clock);

    @Test
    void aRegisteredLoopIsRunningSinceItsRegistration() {
        loops.register("intake-replies", LoopKind.THREAD);

        LoopStatus status = loops.status("intake-replies").orElseThrow();
        assertThat(status.state()).isEqualTo(LoopState.RUNNING);
        assertThat(status.since()).isEqualTo(START);
        assertThat(status.failures()).isZero();
    }

    @Test
    void aFailureMakesTheLoopRestartingWithTheFailureAttemptsAndNextTry() {
        LoopHandle handle = loops.register("intake-replies", LoopKind.THREAD);

        handle.failed(new IllegalStateException("broker said no"));
        later(Duration.ofMillis(200));
        handle.failed(new IllegalStateException("broker said no again"));

        LoopStatus status = handle.status();
        assertThat(status.state()).isEqualTo(LoopState.RESTARTING);
        assertThat(status.since()).isEqualTo(START);
        assertThat(status.attempts()).isEqualTo(2);
        assertThat(status.lastFailure()).isEqualTo("IllegalStateException: broker said no again");
        assertThat(status.nextTry()).isEqualTo(START.plusMillis(200 + 400));
    }

    @Test
    void theWaitBetweenRestartsGrowsPerFailureUpToTheMaximum() {
        LoopHandle handle = loops.register("inbox-readers", LoopKind.POOL);

        assertThat(new long[] {handle.failed(new RuntimeException()).toMillis(),
                handle.failed(new RuntimeException()).toMillis(), handle.failed(new RuntimeException()).toMillis(),
                handle.failed(new RuntimeException()).toMillis()}).containsExactly(200, 400, 800, 1000);
    }

    @Test
    void aRecoveredLoopIsRunningAgainAndKeepsItsLastFailure() {
        LoopHandle handle = loops.register("intake-replies", LoopKind.THREAD);
        handle.failed(new IllegalStateException("broker said no"));
        later(Duration.ofSeconds(1));

        handle.running();

        LoopStatus status = handle.status();
        assertThat(status.state()).isEqualTo(LoopState.RUNNING);
        assertThat(status.since()).isEqualTo(START.plusSeconds(1));
        assertThat(status.attempts()).isZero();
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.lastFailure()).isEqualTo("IllegalStateException: broker said no");
        assertThat(status.nextTry()).isNull();
    }

    @Test
    void aRecoveredLoopStartsItsBackOffAgainAtTheFirstWait() {
        LoopHandle handle = loops.register("intake-replies", LoopKind.THREAD);
        handle.failed(new RuntimeException());
        handle.failed(new RuntimeException());

        handle.running();

        assertThat(handle.failed(new RuntimeException())).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aLoopFailingForLongerThanTheBoundIsDegraded() {
        LoopHandle handle = loops.register("ops-sampler", LoopKind.SCHEDULE);
        handle.failed(new RuntimeException());
        later(Duration.ofSeconds(59));
        assertThat(handle.status().degraded()).isFalse();

        later(Duration.ofSeconds(1));
        handle.failed(new RuntimeException());

        assertThat(handle.status().degraded()).isTrue();
    }

    @Test
    void aLoopThatGaveUpIsDownWithItsReason() {
        LoopHandle handle = loops.register("intake-replies", LoopKind.THREAD);

        handle.down("the reply partition does not exist");

        assertThat(handle.status().state()).isEqualTo(LoopState.DOWN);
        assertThat(handle.status().reason()).isEqualTo("the reply partition does not exist");
    }

    @Test
    void registeringANameAgainTakesOverItsEntryRunningWithItsFailuresCounted() {
        LoopHandle first = loops.register("partner-ingress-0", LoopKind.THREAD);
        first.failed(new RuntimeException());
        first.stopped();

        LoopHandle again = loops.register("partner-ingress-0", LoopKind.THREAD);

        assertThat(again).isSameAs(first);
        assertThat(loops.statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(LoopState.RUNNING);
            assertThat(s.failures()).isEqualTo(1);
        });
    }

    @Test
    void loopsAreListedByName() {
        loops.register("ops-sampler", LoopKind.SCHEDULE);
        loops.register("inbox-readers", LoopKind.POOL);
        loops.register("intake-replies", LoopKind.THREAD);

        assertThat(loops.statuses()).extracting(LoopStatus::name)
                .containsExactly("inbox-readers", "intake-replies", "ops-sampler");
    }

    @Test
    void aFailureMessageIsBoundedAndNationalIdShapedDigitsAreMasked() {
        String described = LoopFailures.describe(new IllegalArgumentException(
                "bad participant 01018012345 in\n" + "x".repeat(500)));

        assertThat(described).startsWith("IllegalArgumentException: bad participant [masked] in x")
                .doesNotContain("01018012345").doesNotContain("\n").hasSizeLessThanOrEqualTo(LoopFailures.MAX_MESSAGE);
    }

    @Test
    void aMissingClassAndABadKafkaSettingCannotBeHelpedByARestart() {
        assertThat(LoopFailures.cannotRecover(new NoClassDefFoundError("org/example/Gone"))).isTrue();
        assertThat(LoopFailures.cannotRecover(new RuntimeException(
                new org.apache.kafka.common.config.ConfigException("bootstrap.servers", "", "missing")))).isTrue();
    }

    @Test
    void anOutageABugAndRunningOutOfMemoryAreRestarted() {
        assertThat(LoopFailures.cannotRecover(new org.apache.kafka.common.errors.TimeoutException("broker away")))
                .isFalse();
        assertThat(LoopFailures.cannotRecover(new UncheckedIOException(new IOException("disk")))).isFalse();
        assertThat(LoopFailures.cannotRecover(new OutOfMemoryError("Java heap space"))).isFalse();
    }

    private void later(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
