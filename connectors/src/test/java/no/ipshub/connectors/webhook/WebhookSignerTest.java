package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final byte[] BODY = "{\"messageId\":\"3f1c9a52-7d4e-4b8a-9c21-5e0f6a7b8c90\"}"
            .getBytes(StandardCharsets.UTF_8);

    /* The expected value comes from outside Java, as a partner would compute it:
       printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac 'test-signing-secret' */
    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBodyWithTheSecretAsKey() {
        assertThat(WebhookSigner.sign("test-signing-secret", 1_700_000_000L, BODY))
            .isEqualTo("sha256=0bdeb1d633330664301fe68f8aa5d574238e2fad2366765579d1cf6ca541060c");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        assertThat(WebhookSigner.sign("test-signing-secret", 1_700_000_001L, BODY))
            .isNotEqualTo(WebhookSigner.sign("test-signing-secret", 1_700_000_000L, BODY));
    }
}
