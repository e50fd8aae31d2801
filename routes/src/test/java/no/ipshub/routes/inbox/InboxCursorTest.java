package no.ipshub.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxCursorTest {

    @Test
    void cursorReadsBackWithItsOffsets() {
        InboxCursor cursor = InboxCursor.at(Map.of(0, 12L, 1, 0L, 2, 7_000_000_000L));

        assertThat(InboxCursor.parse(cursor.encode()).offsets()).isEqualTo(Map.of(0, 12L, 1, 0L, 2, 7_000_000_000L));
    }

    @Test
    void cursorIsOneOpaqueWordThatIsNotANumber() {
        String text = InboxCursor.at(Map.of(0, 3L)).encode();

        assertThat(text).matches("i[A-Za-z0-9_-]+");
    }

    @Test
    void noCursorIsTheStart() {
        assertThat(InboxCursor.parse(null).offsets()).isEmpty();
    }

    @Test
    void zeroIsTheStart() {
        InboxCursor cursor = InboxCursor.parse("0");

        assertThat(cursor.isLegacy() && cursor.legacySeq() == 0).isTrue();
    }

    @Test
    void wholeNumberIsACursorOfAnEarlierVersion() {
        assertThat(InboxCursor.parse("4711").legacySeq()).isEqualTo(4711L);
    }

    @Test
    void wordThatIsNoCursorIsRefused() {
        assertThatThrownBy(() -> InboxCursor.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorWithBytesCutOffIsRefused() {
        String text = InboxCursor.at(Map.of(0, 3L, 1, 4L)).encode();

        assertThatThrownBy(() -> InboxCursor.parse(text.substring(0, text.length() - 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeNumberIsRefused() {
        assertThatThrownBy(() -> InboxCursor.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
