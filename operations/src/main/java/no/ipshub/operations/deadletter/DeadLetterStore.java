package no.ipshub.operations.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter index ({@code dead_letter}, {@code dead_letter_record}): indexing from the topic, the
 * operators' queries, and the status changes of replay and discard.
 */
@Repository
public class DeadLetterStore {

    /** The largest page a caller can ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final String SUMMARY_COLUMNS = "id, partner, reason_code, reason, message_id, route_id, source_topic,"
            + " source_partition, source_offset, first_failure_at, last_failure_at, attempts, status, original_size,"
            + " replay_count, discard_reason, decided_by, decided_at";

    private static final RowMapper<DeadLetterEntry> ENTRY = DeadLetterStore::entry;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    public DeadLetterStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
    }

    /**
     * Indexes a batch in one transaction. A dead letter indexed before is skipped; one whose original bytes
     * match an entry of the same partner that is not discarded updates that entry (it failed again: attempts
     * added, last failure moved, back to OPEN); any other becomes a new OPEN entry.
     *
     * @return how many dead letters of the batch were new to the index
     */
    public int index(List<IndexedDeadLetter> letters, Instant now) {
        if (letters.isEmpty()) {
            return 0;
        }
        Integer added = tx.execute(status -> indexInTransaction(letters, now));
        return added == null ? 0 : added;
    }

    private int indexInTransaction(List<IndexedDeadLetter> letters, Instant now) {
        OffsetDateTime ts = utc(now);
        Set<String> seen = alreadyIndexed(letters.stream().map(IndexedDeadLetter::deadLetterId).toList());
        int added = 0;
        for (IndexedDeadLetter letter : letters) {
            if (!seen.add(letter.deadLetterId())) {
                continue;
            }
            String fingerprint = letter.fingerprint();
            Optional<String> existing = jdbc.query("SELECT id FROM dead_letter WHERE fingerprint = ?"
                            + " AND partner IS NOT DISTINCT FROM ? AND status <> 'DISCARDED'"
                            + " ORDER BY last_failure_at DESC, id LIMIT 1",
                    (rs, row) -> rs.getString(1), fingerprint, letter.entry().partner()).stream().findFirst();
            String entryId;
            if (existing.isPresent()) {
                entryId = existing.get();
                failedAgain(entryId, letter);
            } else {
                entryId = letter.deadLetterId();
                insert(letter, fingerprint, ts);
            }
            jdbc.update("INSERT INTO dead_letter_record (dead_letter_id, entry_id, indexed_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", letter.deadLetterId(), entryId, ts);
            added++;
        }
        return added;
    }

    private Set<String> alreadyIndexed(List<String> ids) {
        Set<String> seen = new HashSet<>();
        named.query("SELECT dead_letter_id FROM dead_letter_record WHERE dead_letter_id IN (:ids)",
                Map.of("ids", ids), rs -> {
                    seen.add(rs.getString(1));
                });
        return seen;
    }

    private void insert(IndexedDeadLetter letter, String fingerprint, OffsetDateTime now) {
        DeadLetterEntry l = letter.entry();
        jdbc.update("INSERT INTO dead_letter (id, partner, reason_code, reason, message_id, route_id, source_topic,"
                        + " source_partition, source_offset, first_failure_at, last_failure_at, attempts, status,"
                        + " fingerprint, original_key, original_value, original_size, replay_count, indexed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING",
                l.id(), l.partner(), l.reasonCode(), l.reason(), l.messageId(), l.routeId(), l.sourceTopic(),
                l.sourcePartition(), l.sourceOffset(), utc(l.firstFailureAt()), utc(l.lastFailureAt()), l.attempts(),
                fingerprint, letter.originalKey(), letter.originalValue(), letter.originalSize(), now);
    }

    private void failedAgain(String entryId, IndexedDeadLetter letter) {
        DeadLetterEntry l = letter.entry();
        jdbc.update("UPDATE dead_letter SET attempts = attempts + ?, status = 'OPEN', reason_code = ?, reason = ?,"
                        + " route_id = ?, source_topic = ?, source_partition = ?, source_offset = ?,"
                        + " message_id = COALESCE(?, message_id),"
                        + " first_failure_at = LEAST(first_failure_at, ?), last_failure_at = GREATEST(last_failure_at, ?)"
                        + " WHERE id = ?",
                l.attempts(), l.reasonCode(), l.reason(), l.routeId(), l.sourceTopic(), l.sourcePartition(),
                l.sourceOffset(), l.messageId(), utc(l.firstFailureAt()), utc(l.lastFailureAt()), entryId);
    }

    /** One page of the entries matching {@code filter}, latest failure first. */
    public Page page(DeadLetterFilter filter, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int number = Math.max(0, page);
        DeadLetterFilter.Where where = filter.where();
        Map<String, Object> params = new HashMap<>(where.params());
        Long total = named.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE " + where.sql(), params, Long.class);
        params.put("limit", limit);
        params.put("offset", (long) number * limit);
        List<DeadLetterEntry> items = named.query("SELECT " + SUMMARY_COLUMNS + " FROM dead_letter WHERE " + where.sql()
                + " ORDER BY last_failure_at DESC, id LIMIT :limit OFFSET :offset", params, ENTRY);
        return new Page(items, number, limit, total == null ? 0 : total);
    }

    /** The ids of up to {@code limit} entries matching {@code filter}, oldest failure first. */
    public List<String> ids(DeadLetterFilter filter, int limit) {
        DeadLetterFilter.Where where = filter.where();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        return named.queryForList("SELECT id FROM dead_letter WHERE " + where.sql()
                + " ORDER BY last_failure_at, id LIMIT :limit", params, String.class);
    }

    /** The entry with this id. */
    public Optional<DeadLetterEntry> find(String id) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM dead_letter WHERE id = ?", ENTRY, id).stream().findFirst();
    }

    /** The original key and value of this entry. */
    public Optional<Original> original(String id) {
        return jdbc.query("SELECT original_key, original_value FROM dead_letter WHERE id = ?",
                (rs, row) -> new Original(rs.getBytes(1), rs.getBytes(2)), id).stream().findFirst();
    }

    /** The entries with these ids and their original bytes, in no particular order. */
    public Map<String, Stored> load(Collection<String> ids) {
        Map<String, Stored> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        named.query("SELECT " + SUMMARY_COLUMNS + ", original_key, original_value FROM dead_letter WHERE id IN (:ids)",
                Map.of("ids", List.copyOf(ids)), rs -> {
                    DeadLetterEntry entry = entry(rs, 0);
                    byId.put(entry.id(), new Stored(entry, new Original(rs.getBytes("original_key"),
                            rs.getBytes("original_value"))));
                });
        return byId;
    }

    /**
     * Marks entries REPLAYED by {@code operator} (OPEN and REPLAYED ones; a discarded entry stays discarded).
     *
     * @return the ids actually marked
     */
    public List<String> markReplayed(Collection<String> ids, String operator, Instant at) {
        List<String> marked = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (String id : ids) {
                int updated = jdbc.update("UPDATE dead_letter SET status = 'REPLAYED', replay_count = replay_count + 1,"
                        + " decided_by = ?, decided_at = ? WHERE id = ? AND status IN ('OPEN', 'REPLAYED')",
                        operator, utc(at), id);
                if (updated > 0) {
                    marked.add(id);
                }
            }
        });
        return marked;
    }

    /** Marks an OPEN entry DISCARDED with the operator's reason; false when it is not OPEN (or not there). */
    public boolean markDiscarded(String id, String reason, String operator, Instant at) {
        return jdbc.update("UPDATE dead_letter SET status = 'DISCARDED', discard_reason = ?, decided_by = ?,"
                + " decided_at = ? WHERE id = ? AND status = 'OPEN'", reason, operator, utc(at), id) > 0;
    }

    /** How many entries there are per reason code and status. */
    public List<ReasonCount> countsByReason() {
        return jdbc.query("SELECT reason_code, status, COUNT(*) FROM dead_letter GROUP BY reason_code, status"
                        + " ORDER BY reason_code, status",
                (rs, row) -> new ReasonCount(rs.getString(1), DeadLetterStatus.valueOf(rs.getString(2)), rs.getLong(3)));
    }

    /** Per partner (null for unknown): the latest failure and the number of OPEN entries. */
    public Map<String, PartnerDeadLetters> byPartner() {
        Map<String, PartnerDeadLetters> result = new LinkedHashMap<>();
        jdbc.query("SELECT partner, MAX(last_failure_at), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END)"
                + " FROM dead_letter GROUP BY partner", rs -> {
                    result.put(rs.getString(1), new PartnerDeadLetters(instant(rs, 2), rs.getLong(3)));
                });
        return result;
    }

    private static DeadLetterEntry entry(ResultSet rs, int row) throws SQLException {
        return new DeadLetterEntry(
                rs.getString("id"),
                rs.getString("partner"),
                rs.getString("reason_code"),
                rs.getString("reason"),
                rs.getString("message_id"),
                rs.getString("route_id"),
                rs.getString("source_topic"),
                rs.getInt("source_partition"),
                rs.getLong("source_offset"),
                instant(rs, "first_failure_at"),
                instant(rs, "last_failure_at"),
                rs.getInt("attempts"),
                DeadLetterStatus.valueOf(rs.getString("status")),
                rs.getInt("original_size"),
                rs.getInt("replay_count"),
                rs.getString("discard_reason"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * One page of entries.
     *
     * @param items  the entries, latest failure first
     * @param page   the page number, from 0
     * @param size   the page size
     * @param total  how many entries match in all
     */
    public record Page(List<DeadLetterEntry> items, int page, int size, long total) {
    }

    /**
     * The original record of a dead letter.
     *
     * @param key   its key; null when it had none
     * @param value its value; null when it had none
     */
    public record Original(byte[] key, byte[] value) {
    }

    /** An entry with its original record. */
    public record Stored(DeadLetterEntry entry, Original original) {
    }

    /**
     * Entries per reason code and status.
     *
     * @param reasonCode the reason code
     * @param status     the status
     * @param count      how many
     */
    public record ReasonCount(String reasonCode, DeadLetterStatus status, long count) {
    }

    /**
     * A partner's dead letters.
     *
     * @param lastFailureAt the latest failure of any of them
     * @param open          how many are OPEN
     */
    public record PartnerDeadLetters(Instant lastFailureAt, long open) {
    }
}
