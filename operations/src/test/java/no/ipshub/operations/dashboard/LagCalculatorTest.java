package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagCalculatorTest {

    private static final String INBOX = "ips.inbox.nav-bergenhus-v1";
    private static final TopicPartition P0 = new TopicPartition(INBOX, 0);
    private static final TopicPartition P1 = new TopicPartition(INBOX, 1);

    @Test
    void lagIsTheEndOffsetMinusTheCommittedOffsetSummedOverPartitions() {
        TopicLag lag = LagCalculator.lag(List.of(INBOX), Map.of(P0, 0L, P1, 0L), Map.of(P0, 100L, P1, 40L),
                Map.of(P0, 90L, P1, 40L)).get(0);

        assertThat(lag.lag()).isEqualTo(10);
        assertThat(lag.position()).isEqualTo(130);
        assertThat(lag.endOffset()).isEqualTo(140);
        assertThat(lag.partitions()).isEqualTo(2);
    }

    @Test
    void aPartitionWithoutACommittedOffsetIsBehindByEverythingRetained() {
        TopicLag lag = LagCalculator.lag(List.of(INBOX), Map.of(P0, 20L), Map.of(P0, 100L), Map.of()).get(0);

        assertThat(lag.lag()).isEqualTo(80);
        assertThat(lag.committed()).isFalse();
    }

    @Test
    void aCommittedOffsetBelowTheBeginningCountsFromTheBeginning() {
        TopicLag lag = LagCalculator.lag(List.of(INBOX), Map.of(P0, 50L), Map.of(P0, 60L), Map.of(P0, 10L)).get(0);

        assertThat(lag.lag()).isEqualTo(10);
        assertThat(lag.committed()).isTrue();
    }

    @Test
    void retainedIsWhatIsStillOnTheTopic() {
        TopicLag lag = LagCalculator.lag(List.of(INBOX), Map.of(P0, 30L, P1, 0L), Map.of(P0, 100L, P1, 5L),
                Map.of()).get(0);

        assertThat(lag.retained()).isEqualTo(75);
    }

    @Test
    void aTopicWithoutKnownPartitionsIsLeftOut() {
        assertThat(LagCalculator.lag(List.of("ips.missing-v1"), Map.of(), Map.of(), Map.of())).isEmpty();
    }

    @Test
    void theTotalAddsTheTopics() {
        List<TopicLag> lags = List.of(TopicLag.of("a", 1, 10, 10, 5, 5, true, 0), TopicLag.of("b", 1, 7, 7, 0, 7, false, 0));

        assertThat(LagCalculator.total(lags)).isEqualTo(12);
    }

    @Test
    void recordsDeletedBeforeTheGroupReadThemCountAsExpired() {
        TopicLag lag = LagCalculator.lag(List.of(INBOX), Map.of(P0, 50L, P1, 0L), Map.of(P0, 60L, P1, 5L),
                Map.of(P0, 10L, P1, 5L)).get(0);

        assertThat(lag.expired()).isEqualTo(40);
    }

    @Test
    void aGroupWithoutACommittedOffsetHasNothingExpired() {
        assertThat(LagCalculator.lag(List.of(INBOX), Map.of(P0, 50L), Map.of(P0, 60L), Map.of()).get(0).expired())
                .isZero();
    }

    @Test
    void theUnreadPositionsAreWhereTheGroupReadsNextOnEveryPartitionBehind() {
        Map<TopicPartition, Long> unread = LagCalculator.unread(List.of(INBOX), Map.of(P0, 20L, P1, 0L),
                Map.of(P0, 100L, P1, 40L), Map.of(P0, 10L, P1, 40L));

        assertThat(unread).isEqualTo(Map.of(P0, 20L));
    }
}
