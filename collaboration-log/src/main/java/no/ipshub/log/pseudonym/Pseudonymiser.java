package no.ipshub.log.pseudonym;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns identifiers into project-specific pseudonyms: HMAC-SHA256 with the project's secret key, as lower-case
 * hex. The same input gives the same pseudonym within a project; without the key a pseudonym can be neither
 * reversed nor linked to the pseudonyms of another project.
 *
 * <p>Each kind of identifier is MACed under its own label ({@code participant}, {@code case},
 * {@code job-specialist}, {@code entry}), so a case id that happens to equal some national id still gets an
 * unrelated pseudonym. Safe for use by several threads.
 */
public final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";

    private final String project;
    private final ThreadLocal<Mac> macs;

    public Pseudonymiser(ProjectKey key) {
        this.project = key.project();
        byte[] secret = key.keyBytes();
        SecretKeySpec spec = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        });
        macs.get();
    }

    /** The research project whose key makes these pseudonyms. */
    public String project() {
        return project;
    }

    /** The participant's pseudonym, from the national id (fødselsnummer or D-nummer; spaces ignored). */
    public String participantKey(String nationalId) {
        return hex(mac("participant", nationalId.replace(" ", "")));
    }

    /** The case's pseudonym, from the sender-side case id. */
    public String caseKey(String caseId) {
        return hex(mac("case", caseId));
    }

    /** The job specialist's pseudonym, from the team's own reference; null stays null. */
    public String jobSpecialistKey(String jobSpecialistRef) {
        return jobSpecialistRef == null || jobSpecialistRef.isBlank() ? null : hex(mac("job-specialist", jobSpecialistRef.strip()));
    }

    /**
     * The log entry id of a message: a UUID (version 8, "custom") made from the keyed MAC of the message id.
     * Deterministic, so a replayed message lands on the same entry; keyed, so a partner who knows the message
     * id cannot find the person's entry in a research data set.
     */
    public String entryId(String messageId) {
        ByteBuffer bytes = ByteBuffer.wrap(mac("entry", messageId), 0, 16);
        long high = (bytes.getLong() & ~0xF000L) | 0x8000L;
        long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private byte[] mac(String label, String value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot pseudonymise a missing " + label + " identifier");
        }
        Mac mac = macs.get();
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
