package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookSecretCipherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private final WebhookSecretCipher cipher = new WebhookSecretCipher(KEY);

    @Test
    void aSealedSecretOpensToTheSameSecret() {
        String secret = WebhookSecretCipher.newSecret();

        WebhookSecretCipher.Sealed sealed = cipher.seal("nav-bergenhus", secret);

        assertThat(cipher.open("nav-bergenhus", sealed.bytes(), sealed.keyId())).isEqualTo(secret);
    }

    @Test
    void theSealedBytesDoNotContainTheSecret() {
        String secret = WebhookSecretCipher.newSecret();

        byte[] sealed = cipher.seal("nav-bergenhus", secret).bytes();

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentBytes() {
        assertThat(cipher.seal("nav-bergenhus", "same").bytes()).isNotEqualTo(cipher.seal("nav-bergenhus", "same").bytes());
    }

    @Test
    void aSecretMovedToAnotherPartnersRowDoesNotOpen() {
        WebhookSecretCipher.Sealed sealed = cipher.seal("nav-bergenhus", "secret-of-bergenhus");

        assertThatThrownBy(() -> cipher.open("nav-tromso", sealed.bytes(), sealed.keyId()))
            .isInstanceOf(WebhookKeyException.class);
    }

    @Test
    void anAlteredSecretDoesNotOpen() {
        WebhookSecretCipher.Sealed sealed = cipher.seal("nav-bergenhus", "secret-of-bergenhus");
        byte[] altered = Arrays.copyOf(sealed.bytes(), sealed.bytes().length);
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open("nav-bergenhus", altered, sealed.keyId()))
            .isInstanceOf(WebhookKeyException.class);
    }

    @Test
    void aSecretSealedWithAnotherKeyIsRefusedNamingBothKeyIds() {
        WebhookSecretCipher other = new WebhookSecretCipher(OTHER_KEY);
        WebhookSecretCipher.Sealed sealed = other.seal("nav-bergenhus", "secret-of-bergenhus");

        assertThatThrownBy(() -> cipher.open("nav-bergenhus", sealed.bytes(), sealed.keyId()))
            .isInstanceOf(WebhookKeyException.class)
            .hasMessageContaining(other.keyId())
            .hasMessageContaining(cipher.keyId());
    }

    @Test
    void theKeyIdRevealsNoKeyBytes() {
        assertThat(cipher.keyId()).hasSize(16).doesNotContain("0123456789abcdef");
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new WebhookSecretCipher(new byte[16])).isInstanceOf(WebhookKeyException.class)
            .hasMessageContaining("at least 32");
    }

    @Test
    void newSecretsAreLongAndRandom() {
        assertThat(WebhookSecretCipher.newSecret()).hasSize(43).isNotEqualTo(WebhookSecretCipher.newSecret());
    }
}
