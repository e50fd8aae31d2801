package no.ipshub.log.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        return appendAll(List.of(new Event(actor, action, query, rowCount, project))).get(0);
    }

    /**
     * Appends rows in the order given, under one lock of the chain's head and with one JDBC batch, and returns
     * them with their seqs and hashes: a log batch's consent withdrawals cost one round of statements, not one each.
     */
    public List<AuditRecord> appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "SELECT last_seq, last_hash FROM research_audit_head WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("last_seq")).longValue();
            String previousHash = (String) head.get("last_hash");
            Instant now = clock.instant();
            List<AuditRecord> records = new ArrayList<>(events.size());
            for (Event e : events) {
                AuditRecord r = AuditChain.link(++seq, now, e.actor(), e.action(), e.query(), e.rowCount(), previousHash,
                        e.project());
                records.add(r);
                previousHash = r.hash();
            }
            jdbc.batchUpdate("INSERT INTO research_audit (seq, occurred_at, actor, action, query, row_count, previous_hash, "
                    + "hash, project) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", records, records.size(), (ps, r) -> {
                        ps.setLong(1, r.seq());
                        ps.setObject(2, OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
                        ps.setString(3, r.actor());
                        ps.setString(4, r.action());
                        ps.setString(5, r.query());
                        ps.setLong(6, r.rowCount());
                        ps.setString(7, r.previousHash());
                        ps.setString(8, r.hash());
                        ps.setString(9, r.project());
                    });
            AuditRecord last = records.get(records.size() - 1);
            jdbc.update("UPDATE research_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last.seq(), last.hash());
            return records;
        });
    }

    /**
     * A row to append.
     *
     * @param project the research project it concerns; null: none
     */
    public record Event(String actor, String action, String query, long rowCount, String project) {
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
