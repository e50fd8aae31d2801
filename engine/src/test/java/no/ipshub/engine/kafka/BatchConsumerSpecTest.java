package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchConsumerSpecTest {

    private final BatchConsumerSpec plain = BatchConsumerSpec.plain("log", "group-log", List.of("topic-a"));

    @Test
    void aRouteWithoutABatchSizeOfItsOwnTakesTheSharedOne() {
        assertThat(plain.maxPollRecords(1000)).isEqualTo(1000);
    }

    @Test
    void aRouteWithABatchSizeOfItsOwnKeepsItWhateverTheSharedOne() {
        BatchConsumerSpec larger = plain.withMaxPollRecords(5000);

        assertThat(larger.maxPollRecords(1000)).isEqualTo(5000);
        assertThat(larger.maxPollRecords(10_000)).isEqualTo(5000);
        assertThat(larger.withProbe(() -> { }).maxPollRecords(1000)).isEqualTo(5000);
        assertThat(larger.topics()).isEqualTo(plain.topics());
        assertThat(larger.groupId()).isEqualTo(plain.groupId());
    }

    @Test
    void aNegativeBatchSizeIsRefused() {
        assertThatThrownBy(() -> plain.withMaxPollRecords(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log");
    }
}
