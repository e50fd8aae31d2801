package no.ipshub.schemas.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CharactersTest {

    private static final Random RANDOM = new Random(20250602L);
    private static final int SAMPLES = 2000;

    /** Random text of printable characters from several scripts, emoji included (surrogate pairs). */
    private static String printable(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (RANDOM.nextInt(4)) {
                case 0 -> 0x20 + RANDOM.nextInt(0x5f);
                case 1 -> 0xc0 + RANDOM.nextInt(0x100);
                case 2 -> 0x4e00 + RANDOM.nextInt(0x1000);
                default -> 0x1f600 + RANDOM.nextInt(0x40);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static String withCharAt(String text, char c) {
        int at = RANDOM.nextInt(text.length() + 1);
        // never split a surrogate pair: the pair's halves are tested on their own below
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return text.substring(0, at) + c + text.substring(at);
    }

    @Test
    void printableTextOfAnyScriptIsALineAndText() {
        IntStream.range(0, SAMPLES).mapToObj(i -> printable(1 + RANDOM.nextInt(200))).forEach(text -> {
            assertThat(Characters.LINE.allows(text)).as(text).isTrue();
            assertThat(Characters.TEXT.allows(text)).as(text).isTrue();
        });
    }

    @Test
    void anyControlCharacterAnywhereIsRefusedInALine() {
        IntStream.range(0, SAMPLES).forEach(i -> {
            char control = (char) (RANDOM.nextBoolean() ? RANDOM.nextInt(0x20) : 0x7f + RANDOM.nextInt(0x21));
            assertThat(Characters.LINE.allows(withCharAt(printable(RANDOM.nextInt(50)), control)))
                    .as("U+%04X", (int) control).isFalse();
        });
    }

    @Test
    void textTakesTabsAndLineBreaksButNoOtherControlCharacter() {
        assertThat(Characters.TEXT.allows("first line\r\n\tsecond line\n")).isTrue();
        assertThat(Characters.LINE.allows("first line\nsecond line")).isFalse();
        IntStream.range(0, 0x20).filter(c -> c != '\t' && c != '\n' && c != '\r').forEach(c ->
                assertThat(Characters.TEXT.allows(withCharAt(printable(20), (char) c))).as("U+%04X", c).isFalse());
    }

    @Test
    void aLoneSurrogateIsNotWellFormedText() {
        IntStream.range(0, SAMPLES).forEach(i -> {
            char half = (char) (RANDOM.nextBoolean() ? 0xd800 + RANDOM.nextInt(0x400) : 0xdc00 + RANDOM.nextInt(0x400));
            String text = withCharAt(printable(RANDOM.nextInt(50)), half);
            assertThat(Characters.TEXT.allows(text)).as("U+%04X", (int) half).isFalse();
        });
    }

    @Test
    void patternRulesTakeOnlyTheirOwnCharacters() {
        assertThat(Characters.UUID.allows("3f1c2a9e-0b7d-4c55-9a51-2f4e6d8b1c00")).isTrue();
        assertThat(Characters.UUID.allows("3f1c2a9e-0b7d-4c55-9a51-2f4e6d8b1c0g")).isFalse();
        assertThat(Characters.CASE_ID.allows("case-0001:a.b_c")).isTrue();
        assertThat(Characters.CASE_ID.allows("case 0001")).isFalse();
        assertThat(Characters.UPPER_CASE_CODE.allows("NOT_MOTIVATED")).isTrue();
        assertThat(Characters.UPPER_CASE_CODE.allows("Not motivated")).isFalse();
        assertThat(Characters.DIGITS.allows("０１２")).isFalse();
    }
}
