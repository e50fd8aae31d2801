package no.ipshub.log.store;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Runs a statement with an {@code IN (?, ?, ...)} list once per chunk of keys, so no list outgrows a driver (PostgreSQL
 * takes at most 32,767 parameters per statement); a chunk holds a whole batch of the collaboration-log route
 * ({@code hub.research.log-max-poll-records}), so a batch usually costs one statement per look-up.
 */
final class InLists {

    /** Bound on the IN lists of look-ups; two lists of it in one statement stay well below what drivers accept. */
    static final int IN_CHUNK = 5000;

    /** The statement for one chunk: {@code marks} is its {@code ?, ?, ...} and {@code args} its keys. */
    interface ChunkStatement {
        void run(String marks, Object[] args);
    }

    /**
     * The statement for one chunk of two key lists at once: {@code firstMarks} and {@code secondMarks} are the
     * {@code ?, ?, ...} of each (null when that list has no keys left), {@code args} the first list's keys, then the
     * second's.
     */
    interface PairedChunkStatement {
        void run(String firstMarks, String secondMarks, Object[] args);
    }

    private InLists() {
    }

    /** As {@link #inChunks}, over two lists at once: one statement per chunk of the longer list. */
    static void inPairedChunks(Collection<String> first, Collection<String> second, PairedChunkStatement statement) {
        List<String> a = List.copyOf(first);
        List<String> b = List.copyOf(second);
        for (int i = 0; i < Math.max(a.size(), b.size()); i += IN_CHUNK) {
            List<String> chunkA = a.subList(Math.min(i, a.size()), Math.min(a.size(), i + IN_CHUNK));
            List<String> chunkB = b.subList(Math.min(i, b.size()), Math.min(b.size(), i + IN_CHUNK));
            Object[] args = new Object[chunkA.size() + chunkB.size()];
            System.arraycopy(chunkA.toArray(), 0, args, 0, chunkA.size());
            System.arraycopy(chunkB.toArray(), 0, args, chunkA.size(), chunkB.size());
            statement.run(marks(chunkA.size()), marks(chunkB.size()), args);
        }
    }

    private static String marks(int keys) {
        return keys == 0 ? null : String.join(", ", Collections.nCopies(keys, "?"));
    }

    static void inChunks(Collection<String> keys, ChunkStatement statement) {
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            statement.run(String.join(", ", Collections.nCopies(chunk.size(), "?")), chunk.toArray());
        }
    }
}
