package no.ipshub.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcessedIdsTest {

    private final ProcessedIds ids = new ProcessedIds();

    @Test
    void idPutIsFoundWithItsSender() {
        UUID id = UUID.randomUUID();

        ids.put(id, "haukeland-tsb", 10L);

        assertThat(ids.senderOf(id)).isEqualTo("haukeland-tsb");
    }

    @Test
    void idNeverPutIsNotFound() {
        ids.put(UUID.randomUUID(), "haukeland-tsb", 10L);

        assertThat(ids.senderOf(UUID.randomUUID())).isNull();
    }

    @Test
    void manyIdsAreAllKept() {
        UUID[] all = new UUID[100];
        for (int i = 0; i < all.length; i++) {
            all[i] = UUID.randomUUID();
            ids.put(all[i], "s" + (i % 3), i);
        }

        for (int i = 0; i < all.length; i++) {
            assertThat(ids.senderOf(all[i])).isEqualTo("s" + (i % 3));
        }
    }

    @Test
    void removedIdIsGoneAndTheOthersStay() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        ids.put(a, "x", 1L);
        ids.put(b, "y", 2L);
        ids.put(c, "z", 3L);

        ids.remove(a);

        assertThat(new Object[] {ids.senderOf(a), ids.senderOf(b), ids.senderOf(c), ids.size()})
                .containsExactly(null, "y", "z", 2);
    }

    @Test
    void idsAcceptedBeforeTheCutoffAreTheOldOnes() {
        UUID old = UUID.randomUUID();
        ids.put(old, "x", 100L);
        ids.put(UUID.randomUUID(), "x", 200L);

        assertThat(ids.acceptedBefore(150L)).containsExactly(old);
    }
}
