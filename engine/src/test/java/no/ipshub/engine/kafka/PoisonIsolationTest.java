package no.ipshub.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoisonIsolationTest {

    private static final Exception OWN_FAULT = new IllegalStateException("bug");
    private static final Exception OUTAGE = new IllegalStateException("away");

    private final PoisonIsolation isolation = new PoisonIsolation(3);

    private static List<ConsumedRecord> records(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> new ConsumedRecord("in", 0, i, null, new byte[] {1})).toList();
    }

    /** Runs batches over 0..size-1 as the poll loop does, failing every chunk holding {@code poison}. */
    private List<Long> quarantinedAfterRunning(int size, long poison, boolean transientFailure) {
        List<ConsumedRecord> all = records(0, size);
        List<Long> quarantined = new ArrayList<>();
        int from = 0;
        for (int round = 0; round < 1_000 && from < size; round++) {
            if (isolation.quarantineDue(all.get(from))) {
                quarantined.add(all.get(from).offset());
                isolation.quarantined();
                from++;
                continue;
            }
            List<ConsumedRecord> chunk = all.subList(from, from + Math.min(isolation.limit(), size - from));
            if (chunk.stream().anyMatch(r -> r.offset() == poison)) {
                isolation.failed(chunk, transientFailure ? OUTAGE : OWN_FAULT, transientFailure);
            } else {
                isolation.committed(chunk.size());
                from += chunk.size();
            }
        }
        return quarantined;
    }

    @Test
    void batchRunsWholeWhileItSucceeds() {
        assertThat(isolation.limit()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void ownFaultSplitsTheBatchAtOnce() {
        isolation.failed(records(0, 1000), OWN_FAULT, false);

        assertThat(isolation.limit()).isEqualTo(500);
    }

    @Test
    void transientFailureSplitsOnlyAfterItRepeatsOnTheSameRecords() {
        isolation.failed(records(0, 1000), OUTAGE, true);
        isolation.failed(records(0, 1000), OUTAGE, true);
        assertThat(isolation.limit()).isEqualTo(Integer.MAX_VALUE);

        isolation.failed(records(0, 1000), OUTAGE, true);

        assertThat(isolation.limit()).isEqualTo(500);
    }

    @Test
    void transientFailuresOnRecordsThatMovedOnStartCountingAgain() {
        isolation.failed(records(0, 1000), OUTAGE, true);
        isolation.failed(records(0, 1000), OUTAGE, true);
        isolation.failed(records(10, 990), OUTAGE, true);

        assertThat(isolation.limit()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void recordTheRouteFailsOnIsTheOnlyOneQuarantined() {
        assertThat(quarantinedAfterRunning(1000, 637, false)).containsExactly(637L);
    }

    @Test
    void recordThatFailsTransientlyAgainAndAgainIsTheOnlyOneQuarantined() {
        assertThat(quarantinedAfterRunning(1000, 3, true)).containsExactly(3L);
    }

    @Test
    void singleRecordIsDueOnlyAfterRepeatedFailures() {
        isolation.failed(records(0, 2), OWN_FAULT, false);
        isolation.failed(records(0, 1), OWN_FAULT, false);
        assertThat(isolation.quarantineDue(records(0, 1).get(0))).isFalse();

        isolation.failed(records(0, 1), OWN_FAULT, false);

        assertThat(isolation.quarantineDue(records(0, 1).get(0))).isTrue();
    }

    @Test
    void batchesRunWholeAgainOnceTheFailedBatchsRecordsCommitted() {
        isolation.failed(records(0, 100), OWN_FAULT, false);
        isolation.committed(50);
        isolation.committed(50);

        assertThat(isolation.isolating()).isFalse();
    }
}
