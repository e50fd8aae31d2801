package no.ipshub.operations.deadletter;

import java.util.Arrays;
import java.util.Base64;

/**
 * The leading bytes of a message that cannot be decoded, for an operator to recognise it: hex, base64 and the
 * printable ASCII characters. Runs of eleven or more ASCII digits are masked with {@code *} in all three forms,
 * since an eleven-digit run may be a national identity number (Avro writes strings as plain UTF-8, so an
 * undecodable referral still holds one in clear).
 *
 * @param totalBytes   the size of the whole message
 * @param shownBytes   how many leading bytes the preview shows
 * @param hex          those bytes as space-separated hex pairs, masked digits as {@code **}
 * @param base64       those bytes, masked, in base64
 * @param text         those bytes as text: printable ASCII as is, masked digits as {@code *}, anything else {@code .}
 * @param maskedDigits how many digits were masked
 */
public record BytePreview(int totalBytes, int shownBytes, String hex, String base64, String text, int maskedDigits) {

    /** Digit runs at least this long are masked. */
    static final int MASKED_RUN = 11;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A preview of the first {@code limit} bytes of {@code value}. */
    public static BytePreview of(byte[] value, int limit) {
        int shown = Math.min(value.length, Math.max(0, limit));
        boolean[] masked = maskedPositions(value, shown);
        byte[] safe = Arrays.copyOf(value, shown);
        StringBuilder hex = new StringBuilder(shown * 3);
        StringBuilder text = new StringBuilder(shown);
        int count = 0;
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                hex.append(' ');
            }
            if (masked[i]) {
                safe[i] = '*';
                hex.append("**");
                text.append('*');
                count++;
                continue;
            }
            int b = value[i] & 0xff;
            hex.append(HEX[b >>> 4]).append(HEX[b & 0x0f]);
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return new BytePreview(value.length, shown, hex.toString(), Base64.getEncoder().encodeToString(safe),
                text.toString(), count);
    }

    /**
     * Which of the first {@code shown} bytes belong to a digit run of {@value #MASKED_RUN} or more. A run that
     * continues past the shown bytes counts whole, so a number cut by the preview's end is masked too.
     */
    private static boolean[] maskedPositions(byte[] value, int shown) {
        boolean[] masked = new boolean[shown];
        int i = 0;
        while (i < shown) {
            if (!isDigit(value[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < value.length && isDigit(value[end])) {
                end++;
            }
            if (end - i >= MASKED_RUN) {
                Arrays.fill(masked, i, Math.min(end, shown), true);
            }
            i = end;
        }
        return masked;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
