package no.ipshub.engine.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets for storage (project keys, webhook secrets): AES-256-GCM with a random 96-bit nonce, after a
 * format byte, and associated data that binds a sealed value to its row. The AES key is derived from the
 * configured key material with HMAC-SHA256 under a label, so one material can serve separate purposes.
 */
public final class SecretSeal {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretSeal(byte[] keyMaterial, String label) {
        byte[] aes = derive(keyMaterial, label);
        this.key = new SecretKeySpec(aes, "AES");
        Arrays.fill(aes, (byte) 0);
    }

    /** {@code plain} sealed with {@code associatedData}. */
    public byte[] seal(byte[] associatedData, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** True when {@code sealed} is in the form {@link #seal} writes (whether it opens is another matter). */
    public static boolean isSealed(byte[] sealed) {
        return sealed != null && sealed.length >= 1 + NONCE_BYTES + TAG_BITS / 8 && sealed[0] == FORMAT;
    }

    /**
     * The value sealed with {@code associatedData}; {@code sealed} must be {@link #isSealed sealed}.
     *
     * @throws AEADBadTagException when it was sealed with another key or other associated data, or was changed
     */
    public byte[] open(byte[] associatedData, byte[] sealed) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** HMAC-SHA256 of {@code label} under {@code keyMaterial}: a key of its own for each purpose. */
    public static byte[] derive(byte[] keyMaterial, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyMaterial, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
