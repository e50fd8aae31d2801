package no.ipshub.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Random;
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

    @Test
    void cursorNamingAPartitionTheInboxDoesNotHaveIsRefused() {
        InboxCursor cursor = InboxCursor.at(Map.of(0, 3L, 7, 1L));

        assertThatThrownBy(() -> cursor.requireWithin(Map.of(0, 10L, 1, 10L, 2, 10L)))
                .isInstanceOf(InvalidInboxCursorException.class).hasMessageContaining("partition 7");
    }

    @Test
    void cursorPastThePartitionsEndIsRefused() {
        InboxCursor cursor = InboxCursor.at(Map.of(0, 11L));

        assertThatThrownBy(() -> cursor.requireWithin(Map.of(0, 10L)))
                .isInstanceOf(InvalidInboxCursorException.class).hasMessageContaining("past the end of partition 0");
    }

    @Test
    void cursorAtThePartitionsEndFits() {
        InboxCursor.at(Map.of(0, 10L, 1, 0L)).requireWithin(Map.of(0, 10L, 1, 0L, 2, 4L));
    }

    @Test
    void aCursorFittedToATopicLeavesOutThePartitionsItDoesNotFit() {
        InboxCursor fitted = InboxCursor.at(Map.of(0, 5L, 1, 50L, 7, 1L)).fittedTo(Map.of(0, 10L, 1, 10L, 2, 10L));

        assertThat(fitted.offsets()).isEqualTo(Map.of(0, 5L));
    }

    @Test
    void cursorBeforeWhatAPartitionStillHoldsIsBeforeIt() {
        assertThat(InboxCursor.at(Map.of(0, 3L, 1, 9L)).isBefore(Map.of(0, 2L, 1, 10L))).isTrue();
    }

    @Test
    void cursorAtWhatEveryPartitionStillHoldsIsNotBeforeIt() {
        assertThat(InboxCursor.at(Map.of(0, 3L, 1, 10L)).isBefore(Map.of(0, 3L, 1, 10L))).isFalse();
    }

    /* Partition 1 lost records the partner had not read; partition 0 did not, and its position stays. */
    @Test
    void earliestValidCursorMovesOnlyTheExpiredPartitionsToWhatTheyStillHold() {
        InboxCursor earliest = InboxCursor.at(Map.of(0, 7L, 1, 2L)).notBefore(Map.of(0, 5L, 1, 40L, 2, 3L));

        assertThat(earliest.offsets()).isEqualTo(Map.of(0, 7L, 1, 40L));
    }

    /* Whatever a partner sends as a cursor, it is read or refused with IllegalArgumentException: never another
       failure. Random text, random bytes behind the cursor's prefix and valid cursors with bytes changed. */
    @Test
    void garbledCursorsAreReadOrRefusedAndNothingElse() {
        Random random = new Random(4711);
        String valid = InboxCursor.at(Map.of(0, 12L, 1, 5L, 2, 900L)).encode();
        for (int i = 0; i < 20_000; i++) {
            String text = switch (i % 3) {
                case 0 -> randomText(random);
                case 1 -> "i" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(random));
                default -> changed(valid, random);
            };
            try {
                InboxCursor cursor = InboxCursor.parse(text);
                assertThat(cursor.offsets().values()).allSatisfy(offset -> assertThat(offset).isNotNegative());
            } catch (IllegalArgumentException refused) {
                // refused, as it should be when it is no cursor
            }
        }
    }

    private static String randomText(Random random) {
        String alphabet = "i0123456789-_=+/ %\u00e6\u0000abcXYZ";
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = 1;
        }
        return bytes;
    }

    private static String changed(String valid, Random random) {
        char[] chars = valid.toCharArray();
        int at = 1 + random.nextInt(chars.length - 1);
        chars[at] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
        return new String(chars);
    }
}
