package no.ipshub.log.audit;

import java.time.Instant;

/**
 * One row of the research audit trail.
 *
 * @param seq          position in the chain, from 1 without gaps
 * @param occurredAt   when it happened (millisecond precision)
 * @param actor        who: the authenticated user, or the partner whose message withdrew consent
 * @param action       what kind of access or event, e.g. {@code ENTRIES_READ}, {@code CONSENT_WITHDRAWN}
 * @param query        what was asked: path and parameters, or pseudonymous keys; never a national id
 * @param rowCount     how many rows were handed out or removed
 * @param previousHash hash of the row before (64 zeros for the first)
 * @param hash         SHA-256 over the previous hash and this row's content, hex
 * @param project      the research project the row concerns; null when none (partner changes) or not recorded
 */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String query,
        long rowCount,
        String previousHash,
        String hash,
        String project) {

    /** A row that concerns no research project. */
    public AuditRecord(long seq, Instant occurredAt, String actor, String action, String query, long rowCount,
            String previousHash, String hash) {
        this(seq, occurredAt, actor, action, query, rowCount, previousHash, hash, null);
    }
}
