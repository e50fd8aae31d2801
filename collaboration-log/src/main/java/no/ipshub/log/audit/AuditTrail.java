package no.ipshub.log.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained research audit trail in the database. Appends are serialised by a row lock
 * on the chain's head, so several hub instances can append at once; an append inside a running transaction
 * (a consent withdrawal in a log batch) commits or rolls back with it.
 */
public class AuditTrail {

    private static final RowMapper<AuditRecord> ROWS = AuditTrail::record;
    private static final String COLUMNS = "seq, occurred_at, actor, action, query, row_count, previous_hash, hash, project";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Appends one row that concerns no research project and returns it with its seq and hash. */
    public AuditRecord append(String actor, String action, String query, long rowCount) {
        return append(actor, action, query, rowCount, null);
    }

    /** Appends one row concerning a research project (null: none) and returns it with its seq and hash. */
    public AuditRecord append(String actor, String action, String query, long rowCount, String project) {
        return transactions.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "SELECT last_seq, last_hash FROM research_audit_head WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("last_seq")).longValue() + 1;
            AuditRecord r = AuditChain.link(seq, clock.instant(), actor, action, query, rowCount,
                    (String) head.get("last_hash"), project);
            jdbc.update("INSERT INTO research_audit (seq, occurred_at, actor, action, query, row_count, previous_hash, hash, "
                    + "project) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.seq(), OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC), r.actor(), r.action(), r.query(),
                    r.rowCount(), r.previousHash(), r.hash(), r.project());
            jdbc.update("UPDATE research_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", r.seq(), r.hash());
            return r;
        });
    }

    /** Up to {@code limit} rows after {@code afterSeq}, oldest first. */
    public List<AuditRecord> list(long afterSeq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM research_audit WHERE seq > ? ORDER BY seq LIMIT ?", ROWS, afterSeq,
                limit);
    }

    /** Up to {@code limit} rows of one research project after {@code afterSeq}, oldest first. */
    public List<AuditRecord> list(String project, long afterSeq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM research_audit WHERE project = ? AND seq > ? ORDER BY seq LIMIT ?",
                ROWS, project, afterSeq, limit);
    }

    /** Checks the whole chain and its head. */
    public ChainVerification verify() {
        return transactions.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM research_audit_head WHERE id = 1");
            List<AuditRecord> all = jdbc.query("SELECT " + COLUMNS + " FROM research_audit ORDER BY seq", ROWS);
            return AuditChain.verify(all, ((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"));
        });
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("query"),
                rs.getLong("row_count"),
                rs.getString("previous_hash"),
                rs.getString("hash"),
                rs.getString("project"));
    }
}
