package no.ipshub.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import no.ipshub.engine.config.RetryProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopScheduleTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final SupervisedLoops loops = new SupervisedLoops(
            new RetryProperties(Duration.ofMillis(10), 2.0, Duration.ofMillis(80)), Duration.ofSeconds(60),
            Clock.systemUTC());
    private final LoopHandle handle = loops.register("test-schedule", LoopKind.SCHEDULE);
    private LoopSchedule schedule;

    @AfterEach
    void stop() {
        if (schedule != null) {
            schedule.stop(BOUND);
        }
    }

    @Test
    void aTaskThatThrowsAnErrorIsRunAgainAndTheLoopRunsWhenItWorks() {
        AtomicInteger runs = new AtomicInteger();

        schedule = LoopSchedule.start(handle, Duration.ZERO, INTERVAL, () -> {
            if (runs.incrementAndGet() <= 2) {
                throw new AssertionError("failure " + runs.get());
            }
        });

        await().atMost(BOUND).until(() -> runs.get() >= 4);
        assertThat(handle.status().state()).isEqualTo(LoopState.RUNNING);
        assertThat(handle.status().failures()).isEqualTo(2);
    }

    @Test
    void aFailingTaskWaitsTheLongerOfItsIntervalAndTheBackOff() {
        schedule = LoopSchedule.start(handle, Duration.ZERO, INTERVAL, () -> {
            throw new IllegalStateException("database away");
        });

        await().atMost(BOUND).until(() -> handle.status().attempts() >= 5);
        LoopStatus status = handle.status();
        assertThat(Duration.between(status.lastFailureAt(), status.nextTry())).isEqualTo(Duration.ofMillis(80));
        assertThat(status.state()).isEqualTo(LoopState.RESTARTING);
    }

    @Test
    void aFailureARestartCannotHelpTurnsTheScheduleDownAndEndsIt() {
        AtomicInteger runs = new AtomicInteger();

        schedule = LoopSchedule.start(handle, Duration.ZERO, INTERVAL, () -> {
            runs.incrementAndGet();
            throw new ExceptionInInitializerError("static state failed");
        });

        await().atMost(BOUND).until(() -> handle.state() == LoopState.DOWN);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void stoppingTheScheduleMarksTheLoopStopped() {
        schedule = LoopSchedule.start(handle, Duration.ZERO, INTERVAL, () -> { });
        await().atMost(BOUND).until(() -> handle.status().state() == LoopState.RUNNING);

        schedule.stop(BOUND);

        assertThat(handle.state()).isEqualTo(LoopState.STOPPED);
    }
}
