package no.ipshub.operations.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterCountsTest {

    private static final List<DeadLetterStore.ReasonCount> ROWS = List.of(
            new DeadLetterStore.ReasonCount("INVALID_CONTENT", DeadLetterStatus.OPEN, 2),
            new DeadLetterStore.ReasonCount("INVALID_CONTENT", DeadLetterStatus.DISCARDED, 1),
            new DeadLetterStore.ReasonCount("WRONG_MAGIC_BYTE", DeadLetterStatus.OPEN, 5),
            new DeadLetterStore.ReasonCount("UNKNOWN_SCHEMA_ID", DeadLetterStatus.REPLAYED, 4));

    @Test
    void reasonsWithTheMostOpenDeadLettersComeFirst() {
        assertThat(DeadLetterCounts.of(ROWS).byReason()).extracting(DeadLetterCounts.ReasonLine::reasonCode)
                .containsExactly("WRONG_MAGIC_BYTE", "INVALID_CONTENT", "UNKNOWN_SCHEMA_ID");
    }

    @Test
    void eachReasonCountsItsStatuses() {
        DeadLetterCounts.ReasonLine invalid = DeadLetterCounts.of(ROWS).byReason().get(1);

        assertThat(invalid.open()).isEqualTo(2);
        assertThat(invalid.discarded()).isEqualTo(1);
        assertThat(invalid.total()).isEqualTo(3);
    }

    @Test
    void theTotalsAddUpPerStatus() {
        DeadLetterCounts counts = DeadLetterCounts.of(ROWS);

        assertThat(counts.open()).isEqualTo(7);
        assertThat(counts.replayed()).isEqualTo(4);
        assertThat(counts.discarded()).isEqualTo(1);
    }
}
