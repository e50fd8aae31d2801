package no.ipshub.engine.state;

import java.util.Arrays;
import java.util.UUID;

/**
 * The message ids accepted in one case, with sender and time: parallel arrays rather than a map of objects,
 * since a hub remembers hundreds of thousands of them (about 30 bytes each instead of about 150).
 */
final class ProcessedIds {

    private long[] high = new long[2];
    private long[] low = new long[2];
    private long[] acceptedAt = new long[2];
    private String[] senders = new String[2];
    private int size;

    /** The sender of {@code messageId} when it was accepted in this case; null otherwise. */
    String senderOf(UUID messageId) {
        int i = indexOf(messageId);
        return i < 0 ? null : senders[i];
    }

    /** Records {@code messageId} as accepted (again: the newer time and sender win). */
    void put(UUID messageId, String sender, long acceptedAtMillis) {
        int i = indexOf(messageId);
        if (i < 0) {
            if (size == high.length) {
                int capacity = size * 2;
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                acceptedAt = Arrays.copyOf(acceptedAt, capacity);
                senders = Arrays.copyOf(senders, capacity);
            }
            i = size++;
            high[i] = messageId.getMostSignificantBits();
            low[i] = messageId.getLeastSignificantBits();
        }
        senders[i] = sender;
        acceptedAt[i] = acceptedAtMillis;
    }

    void remove(UUID messageId) {
        int i = indexOf(messageId);
        if (i < 0) {
            return;
        }
        int last = --size;
        high[i] = high[last];
        low[i] = low[last];
        acceptedAt[i] = acceptedAt[last];
        senders[i] = senders[last];
        senders[last] = null;
    }

    /** The ids accepted before {@code cutoffMillis}. */
    UUID[] acceptedBefore(long cutoffMillis) {
        return java.util.stream.IntStream.range(0, size)
                .filter(i -> acceptedAt[i] < cutoffMillis)
                .mapToObj(i -> new UUID(high[i], low[i]))
                .toArray(UUID[]::new);
    }

    int size() {
        return size;
    }

    private int indexOf(UUID id) {
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        for (int i = 0; i < size; i++) {
            if (high[i] == h && low[i] == l) {
                return i;
            }
        }
        return -1;
    }
}
