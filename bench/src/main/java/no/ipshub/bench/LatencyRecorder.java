package no.ipshub.bench;

import java.util.Arrays;

/** Collects latencies in microseconds from many threads and reports percentiles. */
final class LatencyRecorder {

    private long[] micros = new long[1 << 16];
    private int size;

    synchronized void record(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    synchronized int count() {
        return size;
    }

    /** The latency below which {@code percent} percent of the samples fall, in milliseconds. */
    synchronized double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000.0;
    }
}
