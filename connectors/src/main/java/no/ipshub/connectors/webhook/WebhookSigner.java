package no.ipshub.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code X-Hub-Signature: sha256=<hex>} where hex is the lower-case
 * HMAC-SHA256, keyed with the UTF-8 bytes of the partner's signing secret, over
 * {@code "<X-Hub-Timestamp>.<body>"} (the timestamp in epoch seconds as sent, a dot, the body bytes as sent).
 */
public final class WebhookSigner {

    /** The id of the message, for the receiver's de-duplication. */
    public static final String MESSAGE_ID_HEADER = "X-Hub-Message-Id";
    /** When this attempt was signed, epoch seconds; receivers should refuse old ones. */
    public static final String TIMESTAMP_HEADER = "X-Hub-Timestamp";
    /** {@code sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">}. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature";
    /** The scheme prefix of the signature header's value. */
    public static final String SCHEME = "sha256=";

    private WebhookSigner() {
    }

    /** The value of {@value #SIGNATURE_HEADER} for {@code body} sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
