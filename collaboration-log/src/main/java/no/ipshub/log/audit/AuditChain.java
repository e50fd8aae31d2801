package no.ipshub.log.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit trail: each row's hash is SHA-256 over the previous row's hash and the row's
 * canonical content (every field length-prefixed, so no two different rows share a content string). A changed,
 * removed or inserted row breaks the chain from that row on.
 */
public final class AuditChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The next row of the chain after {@code previousHash}, with its hash. */
    public static AuditRecord link(long seq, Instant occurredAt, String actor, String action, String query,
            long rowCount, String previousHash) {
        return link(seq, occurredAt, actor, action, query, rowCount, previousHash, null);
    }

    /** The next row, concerning a research project (null: none). */
    public static AuditRecord link(long seq, Instant occurredAt, String actor, String action, String query,
            long rowCount, String previousHash, String project) {
        Instant at = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        return new AuditRecord(seq, at, actor, action, query, rowCount, previousHash,
                hash(previousHash, seq, at, actor, action, query, rowCount, project), project);
    }

    /** The hash a row must carry, recomputed from its content and its previous hash. */
    public static String expectedHash(AuditRecord r) {
        return hash(r.previousHash(), r.seq(), r.occurredAt(), r.actor(), r.action(), r.query(), r.rowCount(), r.project());
    }

    /**
     * Checks a whole trail, oldest first, against the head the store keeps.
     *
     * @param records  every row, ordered by seq
     * @param headSeq  the seq of the newest row as the head row records it
     * @param headHash the hash of the newest row as the head row records it
     */
    public static ChainVerification verify(List<AuditRecord> records, long headSeq, String headHash) {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (AuditRecord r : records) {
            if (r.seq() != expectedSeq) {
                return ChainVerification.broken(records.size(), r.seq(), "row " + expectedSeq + " is missing");
            }
            if (!r.previousHash().equals(previous)) {
                return ChainVerification.broken(records.size(), r.seq(), "previous hash does not match row " + (r.seq() - 1));
            }
            if (!expectedHash(r).equals(r.hash())) {
                return ChainVerification.broken(records.size(), r.seq(), "content does not match its hash");
            }
            previous = r.hash();
            expectedSeq++;
        }
        if (headSeq != expectedSeq - 1 || !headHash.equals(previous)) {
            return ChainVerification.broken(records.size(), expectedSeq,
                    "the chain ends at row " + (expectedSeq - 1) + " but the head records row " + headSeq);
        }
        return ChainVerification.intact(records.size(), previous);
    }

    private static String hash(String previousHash, long seq, Instant at, String actor, String action, String query,
            long rowCount, String project) {
        StringBuilder content = new StringBuilder();
        // a row without a project hashes as rows did before projects were recorded
        String[] fields = project == null
                ? new String[] {Long.toString(seq), at.toString(), actor, action, query, Long.toString(rowCount)}
                : new String[] {Long.toString(seq), at.toString(), actor, action, query, Long.toString(rowCount), project};
        for (String field : fields) {
            content.append(field.length()).append(':').append(field).append(';');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
