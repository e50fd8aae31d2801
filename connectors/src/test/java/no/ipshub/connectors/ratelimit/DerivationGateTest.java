package no.ipshub.connectors.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DerivationGateTest {

    @Test
    void aFreeSlotIsTakenAtOnce() {
        assertThat(new DerivationGate(1, Duration.ZERO, 0).tryEnter()).isTrue();
    }

    @Test
    void noSlotComingFreeWithinTheWaitIsARefusal() {
        DerivationGate gate = new DerivationGate(1, Duration.ofMillis(20), 4);
        gate.tryEnter();

        assertThat(gate.tryEnter()).isFalse();
    }

    @Test
    void aSlotGivenBackServesAWaitingRequest() {
        DerivationGate gate = new DerivationGate(1, Duration.ofSeconds(10), 4);
        gate.tryEnter();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(gate::tryEnter);
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == 1);

        gate.leave();

        assertThat(waiter.join()).isTrue();
    }

    /* One request waits for the only slot; with room for one waiter the next request is refused at once instead
       of holding a server thread for the whole wait. */
    @Test
    void aRequestBeyondTheWaitingRoomIsRefusedWithoutWaiting() {
        DerivationGate gate = new DerivationGate(1, Duration.ofSeconds(10), 1);
        gate.tryEnter();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(gate::tryEnter);
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == 1);

        long started = System.nanoTime();
        boolean entered = gate.tryEnter();

        assertThat(entered).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        gate.leave();
        assertThat(waiter.join()).isTrue();
    }
}
