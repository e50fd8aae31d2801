package no.ipshub.operations.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fixed number of the latest samples, oldest dropped first. Safe for one writer and many readers.
 *
 * @param <T> the sample type
 */
public final class SampleRing<T> {

    private final Object[] items;
    private int next;
    private int size;

    public SampleRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a sample ring needs room for at least two samples, not " + capacity);
        }
        this.items = new Object[capacity];
    }

    /** Adds a sample, dropping the oldest when the ring is full. */
    public synchronized void add(T item) {
        items[next] = item;
        next = (next + 1) % items.length;
        size = Math.min(size + 1, items.length);
    }

    /** The samples, oldest first. */
    @SuppressWarnings("unchecked")
    public synchronized List<T> toList() {
        List<T> list = new ArrayList<>(size);
        int start = (next - size + items.length) % items.length;
        for (int i = 0; i < size; i++) {
            list.add((T) items[(start + i) % items.length]);
        }
        return list;
    }

    /** The newest sample, if any. */
    @SuppressWarnings("unchecked")
    public synchronized Optional<T> latest() {
        return size == 0 ? Optional.empty() : Optional.of((T) items[(next - 1 + items.length) % items.length]);
    }

    /** How many samples the ring holds at most. */
    public int capacity() {
        return items.length;
    }
}
