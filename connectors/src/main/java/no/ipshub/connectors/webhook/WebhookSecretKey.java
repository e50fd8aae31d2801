package no.ipshub.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.ipshub.engine.config.KeyMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the key that seals webhook secrets: {@code hub.webhooks.secret-key} when set, else the contents of the
 * key file (made with 32 random bytes when missing and allowed). Text values may be {@code base64:...} or
 * {@code hex:...}; anything else is taken as raw bytes. The key is never logged.
 */
final class WebhookSecretKey {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretKey.class);

    private WebhookSecretKey() {
    }

    /** The cipher for the configured key; {@code defaultFile} is used when neither key nor file is set. */
    static WebhookSecretCipher load(WebhookProperties properties, Path defaultFile) {
        boolean hasKey = properties.secretKey() != null && !properties.secretKey().isBlank();
        boolean hasFile = properties.secretKeyFile() != null && !properties.secretKeyFile().isBlank();
        if (hasKey && hasFile) {
            throw new WebhookKeyException("set either hub.webhooks.secret-key or hub.webhooks.secret-key-file, not both");
        }
        if (hasKey) {
            return new WebhookSecretCipher(decode(properties.secretKey().getBytes(StandardCharsets.UTF_8),
                    "hub.webhooks.secret-key"));
        }
        Path file = hasFile ? Path.of(properties.secretKeyFile()) : defaultFile;
        if (!Files.exists(file) && properties.generateKeyIfMissing()) {
            generate(file);
        }
        return new WebhookSecretCipher(decode(read(file), "hub.webhooks.secret-key-file " + file));
    }

    private static byte[] decode(byte[] raw, String source) {
        return KeyMaterial.decode(raw, source, WebhookKeyException::new);
    }

    private static byte[] read(Path file) {
        return KeyMaterial.read(file, "hub.webhooks.secret-key-file", WebhookKeyException::new);
    }

    private static void generate(Path file) {
        if (KeyMaterial.generate(file, WebhookSecretCipher.MIN_KEY_BYTES, "hub.webhooks.secret-key-file",
                WebhookKeyException::new)) {
            log.warn("Generated a new webhook secret key in {}: every hub instance sharing this database needs the "
                    + "same file, and losing it makes registered webhooks unusable until partners register again", file);
        }
    }
}
