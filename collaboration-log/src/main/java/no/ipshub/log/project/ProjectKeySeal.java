package no.ipshub.log.project;

import java.nio.charset.StandardCharsets;
import javax.crypto.AEADBadTagException;
import no.ipshub.engine.config.SecretSeal;
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

    private final SecretSeal secretSeal;

    public ProjectKeySeal(byte[] keyMaterial) {
        if (keyMaterial == null || keyMaterial.length < MIN_KEY_BYTES) {
            throw new ResearchKeyException("the project seal key has " + (keyMaterial == null ? 0 : keyMaterial.length)
                    + " bytes; at least " + MIN_KEY_BYTES + " are needed (e.g. 'openssl rand -out project-seal.key 32' "
                    + "and hub.research.project-seal-key-file=project-seal.key)");
        }
        this.secretSeal = new SecretSeal(keyMaterial, "ips-hub/research-project-keys/aes-256-gcm/v1");
    }

    /** The project key sealed for the project's row. */
    public byte[] seal(String project, byte[] projectKey) {
        return secretSeal.seal(project.getBytes(StandardCharsets.UTF_8), projectKey);
    }

    /**
     * The project key from its sealed form.
     *
     * @throws ResearchKeyException when it was sealed with another key or for another project, or was changed
     */
    public byte[] open(String project, byte[] sealed) {
        if (!SecretSeal.isSealed(sealed)) {
            throw new ResearchKeyException("the stored key of project " + project + " is not in a known sealed format");
        }
        try {
            return secretSeal.open(project.getBytes(StandardCharsets.UTF_8), sealed);
        } catch (AEADBadTagException e) {
            throw new ResearchKeyException("the stored key of project " + project + " does not open with the configured "
                    + "project seal key (another key, or the row was changed)", e);
        }
    }
}
