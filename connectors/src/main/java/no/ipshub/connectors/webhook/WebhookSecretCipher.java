package no.ipshub.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import no.ipshub.engine.config.SecretSeal;

/**
 * Seals and opens partners' webhook signing secrets for storage: AES-256-GCM with a random 96-bit nonce, the
 * partner id as associated data (a sealed secret opens only in its own partner's row). The AES key and the
 * key id are derived from the configured key material with HMAC-SHA256 under separate labels, so the key id
 * stored beside each secret reveals nothing about the key.
 *
 * <p>Why sealed and not hashed like API keys: the hub must sign with the secret, so it needs it back. Sealing
 * keeps a database dump or backup useless without the key, which lives outside the database.
 */
public final class WebhookSecretCipher {

    /** Key material shorter than this is refused. */
    public static final int MIN_KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretSeal secretSeal;
    private final String keyId;

    public WebhookSecretCipher(byte[] keyMaterial) {
        if (keyMaterial == null || keyMaterial.length < MIN_KEY_BYTES) {
            throw new WebhookKeyException("the webhook secret key has " + (keyMaterial == null ? 0 : keyMaterial.length)
                    + " bytes; at least " + MIN_KEY_BYTES + " are needed (e.g. 'openssl rand -out webhook.key 32' and "
                    + "hub.webhooks.secret-key-file=webhook.key)");
        }
        this.secretSeal = new SecretSeal(keyMaterial, "ips-hub/webhook-secrets/aes-256-gcm/v1");
        this.keyId = HexFormat.of().formatHex(
                Arrays.copyOf(SecretSeal.derive(keyMaterial, "ips-hub/webhook-secrets/key-id/v1"), 8));
    }

    /** A secret sealed for one partner, and the id of the key that sealed it. */
    public record Sealed(byte[] bytes, String keyId) {
    }

    /** A new random signing secret: 32 bytes from a secure source, base64url without padding. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The id of this cipher's key, stored beside each secret it seals. */
    public String keyId() {
        return keyId;
    }

    /** {@code secret} sealed for {@code partnerId}. */
    public Sealed seal(String partnerId, String secret) {
        return new Sealed(secretSeal.seal(associatedData(partnerId), secret.getBytes(StandardCharsets.UTF_8)), keyId);
    }

    /**
     * The secret sealed for {@code partnerId}.
     *
     * @throws WebhookKeyException when it was sealed with another key, for another partner, or was altered
     */
    public String open(String partnerId, byte[] sealed, String sealedWithKeyId) {
        if (!keyId.equals(sealedWithKeyId)) {
            throw new WebhookKeyException("the webhook secret of " + partnerId + " was sealed with key " + sealedWithKeyId
                    + ", but this hub has key " + keyId + " (hub.webhooks.secret-key-file differs between instances?)");
        }
        if (!SecretSeal.isSealed(sealed)) {
            throw new WebhookKeyException("the stored webhook secret of " + partnerId + " is not in a known format");
        }
        try {
            return new String(secretSeal.open(associatedData(partnerId), sealed), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WebhookKeyException("the stored webhook secret of " + partnerId
                    + " does not open with this key: altered, or moved from another partner's row", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecretCipher[keyId=" + keyId + "]";
    }

    private static byte[] associatedData(String partnerId) {
        return ("ips-hub/webhook-secret/" + partnerId).getBytes(StandardCharsets.UTF_8);
    }
}
