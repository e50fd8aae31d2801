package no.ipshub.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.ipshub.engine.config.RetryProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopThreadTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final SupervisedLoops loops = new SupervisedLoops(
            new RetryProperties(Duration.ofMillis(10), 2.0, Duration.ofMillis(50)), Duration.ofSeconds(60),
            Clock.systemUTC());
    private final LoopHandle handle = loops.register("test-loop", LoopKind.THREAD);
    private LoopThread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (thread != null) {
            thread.stop(() -> { }, BOUND);
        }
    }

    @Test
    void aBodyThatThrowsIsRestartedUntilItWorks() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch working = new CountDownLatch(1);

        thread = LoopThread.start(handle, loop -> {
            if (runs.incrementAndGet() <= 3) {
                throw new IllegalStateException("failure " + runs.get());
            }
            handle.running();
            working.countDown();
            while (loop.isRunning()) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        });

        await().atMost(BOUND).until(() -> working.getCount() == 0);
        LoopStatus status = handle.status();
        assertThat(status.state()).isEqualTo(LoopState.RUNNING);
        assertThat(status.failures()).isEqualTo(3);
        assertThat(status.lastFailure()).isEqualTo("IllegalStateException: failure 3");
    }

    @Test
    void anErrorEscapingTheBodyRestartsItToo() {
        AtomicInteger runs = new AtomicInteger();

        thread = LoopThread.start(handle, loop -> {
            runs.incrementAndGet();
            throw new StackOverflowError();
        });

        await().atMost(BOUND).until(() -> runs.get() >= 3);
        assertThat(handle.status().state()).isEqualTo(LoopState.RESTARTING);
        assertThat(handle.status().attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBodyThatReturnsWithoutBeingStoppedIsRestarted() {
        AtomicInteger runs = new AtomicInteger();

        thread = LoopThread.start(handle, loop -> runs.incrementAndGet());

        await().atMost(BOUND).until(() -> runs.get() >= 2);
        assertThat(handle.status().lastFailure()).contains("ended without being asked to stop");
    }

    @Test
    void aFailureARestartCannotHelpTurnsTheLoopDownAndEndsIt() {
        AtomicInteger runs = new AtomicInteger();

        thread = LoopThread.start(handle, loop -> {
            runs.incrementAndGet();
            throw new NoClassDefFoundError("org/example/Gone");
        });

        await().atMost(BOUND).until(() -> handle.state() == LoopState.DOWN);
        assertThat(handle.status().reason()).isEqualTo("a restart cannot help: NoClassDefFoundError: org/example/Gone");
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aBodyThatGivesUpItselfStaysDown() {
        AtomicInteger runs = new AtomicInteger();

        thread = LoopThread.start(handle, loop -> {
            runs.incrementAndGet();
            handle.down("nothing to read");
        });

        await().atMost(BOUND).until(() -> handle.state() == LoopState.DOWN);
        assertThat(handle.status().reason()).isEqualTo("nothing to read");
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void stoppingEndsTheThreadDuringItsBackOffAndMarksItStopped() throws InterruptedException {
        SupervisedLoops slow = new SupervisedLoops(new RetryProperties(Duration.ofMinutes(5), 2.0,
                Duration.ofMinutes(5)), Duration.ofSeconds(60), Clock.systemUTC());
        LoopHandle slowHandle = slow.register("slow-loop", LoopKind.THREAD);
        LoopThread failing = LoopThread.start(slowHandle, loop -> {
            throw new IllegalStateException("away");
        });
        await().atMost(BOUND).until(() -> slowHandle.state() == LoopState.RESTARTING);

        assertThat(failing.stop(() -> { }, BOUND)).isTrue();

        assertThat(slowHandle.state()).isEqualTo(LoopState.STOPPED);
    }
}
