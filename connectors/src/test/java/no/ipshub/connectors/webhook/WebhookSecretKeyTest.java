package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretKeyTest {

    @TempDir
    Path dir;

    private static WebhookProperties properties(String key, String keyFile, boolean generate) {
        return new WebhookProperties(true, key, keyFile, generate, 8, Duration.ofSeconds(10), 2.0, Duration.ofHours(1),
                Duration.ofSeconds(5), Duration.ofSeconds(10), false, false, 8, 2, Duration.ofSeconds(1),
                Duration.ofDays(7));
    }

    @Test
    void aMissingDefaultKeyFileIsMadeWith32BytesReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("data/webhook.key");

        WebhookSecretKey.load(properties(null, null, true), file);

        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(Files.getPosixFilePermissions(file))
            .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theSameKeyFileGivesTheSameKey() {
        Path file = dir.resolve("webhook.key");

        String first = WebhookSecretKey.load(properties(null, null, true), file).keyId();

        assertThat(WebhookSecretKey.load(properties(null, file.toString(), false), dir.resolve("unused")).keyId())
            .isEqualTo(first);
    }

    @Test
    void aBase64KeyInTheSettingsIsDecoded() {
        String key = "base64:" + Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(WebhookSecretKey.load(properties(key, null, false), dir.resolve("unused")).keyId()).hasSize(16);
    }

    @Test
    void aMissingKeyFileThatMayNotBeMadeStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> WebhookSecretKey.load(properties(null, dir.resolve("absent.key").toString(), false),
                dir.resolve("unused")))
            .isInstanceOf(WebhookKeyException.class)
            .hasMessageContaining("hub.webhooks.secret-key-file");
    }

    @Test
    void aShortKeyIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> WebhookSecretKey.load(properties("too-short-key-material", null, false),
                dir.resolve("unused")))
            .isInstanceOf(WebhookKeyException.class)
            .hasMessageNotContaining("too-short-key-material");
    }

    @Test
    void keyAndKeyFileTogetherAreRefused() {
        assertThatThrownBy(() -> WebhookSecretKey.load(properties("k".repeat(32), "webhook.key", false),
                dir.resolve("unused")))
            .isInstanceOf(WebhookKeyException.class)
            .hasMessageContaining("either");
    }
}
