package no.ipshub.connectors.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
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
        String text = new String(raw, StandardCharsets.UTF_8).strip();
        try {
            if (text.startsWith("base64:")) {
                return Base64.getDecoder().decode(text.substring("base64:".length()).strip());
            }
            if (text.startsWith("hex:")) {
                return HexFormat.of().parseHex(text.substring("hex:".length()).strip());
            }
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote part of the value; name only where it came from
            throw new WebhookKeyException(source + " is not valid " + text.substring(0, text.indexOf(':')));
        }
        return raw;
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WebhookKeyException("hub.webhooks.secret-key-file " + file + " does not exist or is not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WebhookKeyException("hub.webhooks.secret-key-file " + file + " cannot be read: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static void generate(Path file) {
        byte[] fresh = new byte[WebhookSecretCipher.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (parent != null && parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
            Files.write(file, fresh);
            log.warn("Generated a new webhook secret key in {}: every hub instance sharing this database needs the "
                    + "same file, and losing it makes registered webhooks unusable until partners register again", file);
        } catch (FileAlreadyExistsException e) {
            // another instance created it first; its key is the one to use
        } catch (IOException e) {
            throw new WebhookKeyException("cannot create hub.webhooks.secret-key-file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }
}
