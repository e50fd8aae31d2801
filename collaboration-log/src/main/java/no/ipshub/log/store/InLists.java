package no.ipshub.log.store;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Runs a statement with an {@code IN (?, ?, ...)} list once per chunk of keys, so no list outgrows a driver. */
final class InLists {

    /** Bound on the IN lists of look-ups, well below what any driver accepts. */
    private static final int IN_CHUNK = 500;

    /** The statement for one chunk: {@code marks} is its {@code ?, ?, ...} and {@code args} its keys. */
    interface ChunkStatement {
        void run(String marks, Object[] args);
    }

    private InLists() {
    }

    static void inChunks(Collection<String> keys, ChunkStatement statement) {
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            statement.run(String.join(", ", Collections.nCopies(chunk.size(), "?")), chunk.toArray());
        }
    }
}
