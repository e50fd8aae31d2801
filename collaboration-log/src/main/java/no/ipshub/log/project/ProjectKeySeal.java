package no.ipshub.log.project;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import no.ipshub.log.pseudonym.ResearchKeyException;

/**
 * Seals the pseudonymisation keys of projects added at run time for storage in the database: AES-256-GCM with a
 * random 96-bit nonce and the project's code as associated data (a sealed key opens only in its own project's row),
 * under a key derived with HMAC-SHA256 from {@code hub.research.project-seal-key(-file)}. A database dump or backup
 * is then useless without that key, which lives outside the database.
 */
public final class ProjectKeySeal {

    /** Key material shorter than this is refused. */
    public static final int MIN_KEY_BYTES = 32;

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public ProjectKeySeal(byte[] keyMaterial) {
        if (keyMaterial == null || keyMaterial.length < MIN_KEY_BYTES) {
            throw new ResearchKeyException("the project seal key has " + (keyMaterial == null ? 0 : keyMaterial.length)
                    + " bytes; at least " + MIN_KEY_BYTES + " are needed (e.g. 'openssl rand -out project-seal.key 32' "
                    + "and hub.research.project-seal-key-file=project-seal.key)");
        }
        byte[] aes = derive(keyMaterial);
        this.key = new SecretKeySpec(aes, "AES");
        Arrays.fill(aes, (byte) 0);
    }

    /** The project key sealed for the project's row. */
    public byte[] seal(String project, byte[] projectKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(project.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(projectKey);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The project key from its sealed form.
     *
     * @throws ResearchKeyException when it was sealed with another key or for another project, or was changed
     */
    public byte[] open(String project, byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new ResearchKeyException("the stored key of project " + project + " is not in a known sealed format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(project.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new ResearchKeyException("the stored key of project " + project + " does not open with the configured "
                    + "project seal key (another key, or the row was changed)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] derive(byte[] material) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return mac.doFinal("ips-hub/research-project-keys/aes-256-gcm/v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
