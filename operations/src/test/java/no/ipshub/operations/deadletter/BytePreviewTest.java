package no.ipshub.operations.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BytePreviewTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void elevenDigitRunsAreMaskedInTheText() {
        BytePreview preview = BytePreview.of(ascii("id 17859012345 end"), 100);

        assertThat(preview.text()).isEqualTo("id *********** end");
        assertThat(preview.maskedDigits()).isEqualTo(11);
    }

    @Test
    void elevenDigitRunsAreMaskedInTheHexAndBase64Too() {
        BytePreview preview = BytePreview.of(ascii("17859012345"), 100);

        assertThat(preview.hex()).doesNotContain("31").contains("** **");
        assertThat(new String(Base64.getDecoder().decode(preview.base64()), StandardCharsets.US_ASCII))
                .isEqualTo("***********");
    }

    @Test
    void shorterDigitRunsStayVisible() {
        assertThat(BytePreview.of(ascii("org 983974899"), 100).text()).isEqualTo("org 983974899");
    }

    @Test
    void aLongRunCutByThePreviewsEndIsStillMasked() {
        BytePreview preview = BytePreview.of(ascii("abc17859012345"), 6);

        assertThat(preview.text()).isEqualTo("abc***");
    }

    @Test
    void nonPrintableBytesShowAsDotsAndHexPairs() {
        BytePreview preview = BytePreview.of(new byte[] {0, 0x41, (byte) 0xff}, 10);

        assertThat(preview.text()).isEqualTo(".A.");
        assertThat(preview.hex()).isEqualTo("00 41 ff");
    }

    @Test
    void onlyTheLimitIsShownOfALargerMessage() {
        BytePreview preview = BytePreview.of(new byte[1000], 16);

        assertThat(preview.shownBytes()).isEqualTo(16);
        assertThat(preview.totalBytes()).isEqualTo(1000);
    }
}
