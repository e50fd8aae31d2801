package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleRingTest {

    @Test
    void keepsSamplesOldestFirstUntilFull() {
        SampleRing<Integer> ring = new SampleRing<>(3);
        ring.add(1);
        ring.add(2);

        assertThat(ring.toList()).containsExactly(1, 2);
    }

    @Test
    void dropsTheOldestSampleWhenFull() {
        SampleRing<Integer> ring = new SampleRing<>(3);
        for (int i = 1; i <= 7; i++) {
            ring.add(i);
        }

        assertThat(ring.toList()).containsExactly(5, 6, 7);
    }

    @Test
    void latestIsTheSampleAddedLast() {
        SampleRing<Integer> ring = new SampleRing<>(2);
        ring.add(1);
        ring.add(2);
        ring.add(3);

        assertThat(ring.latest()).contains(3);
    }

    @Test
    void anEmptyRingHasNoLatestSample() {
        assertThat(new SampleRing<Integer>(2).latest()).isEmpty();
    }

    @Test
    void aRingNeedsRoomForTwoSamplesToGiveARate() {
        assertThatThrownBy(() -> new SampleRing<Integer>(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
