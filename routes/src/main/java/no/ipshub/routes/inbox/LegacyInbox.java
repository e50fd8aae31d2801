package no.ipshub.routes.inbox;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inboxes earlier hub versions kept in the database ({@code inbox_message}), read-only: a partner holding a
 * cursor of that time reads its remaining rows, then continues on its inbox topic where they end
 * ({@code inbox_handover}). No row is written any more.
 */
public class LegacyInbox {

    private final JdbcTemplate jdbc;
    private final Map<String, Boolean> holdsRows = new ConcurrentHashMap<>();

    public LegacyInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of an earlier version's inbox. */
    public record Row(long seq, byte[] wireBytes, OffsetDateTime deliveredAt) {
    }

    /** True when the partner has rows from an earlier version (asked once per partner: none are added). */
    public boolean holdsRows(String recipient) {
        return holdsRows.computeIfAbsent(recipient, r -> !jdbc.queryForList(
                "SELECT seq FROM inbox_message WHERE recipient = ? FETCH FIRST 1 ROWS ONLY", Long.class, r).isEmpty());
    }

    /** The partner's rows after {@code seq}, oldest first, at most {@code limit}. */
    public List<Row> after(String recipient, long seq, int limit) {
        return jdbc.query("SELECT seq, wire_bytes, created_at FROM inbox_message WHERE recipient = ? AND seq > ?"
                        + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getObject(3, OffsetDateTime.class)),
                recipient, seq);
    }

    /** The partners with rows and no handover recorded yet. */
    public List<String> recipientsWithoutHandover() {
        return jdbc.queryForList("SELECT DISTINCT recipient FROM inbox_message m WHERE NOT EXISTS"
                + " (SELECT 1 FROM inbox_handover h WHERE h.recipient = m.recipient)", String.class);
    }

    /** Where the partner's inbox continues on the topic after its rows, by partition. */
    public Map<Integer, Long> handover(String recipient) {
        Map<Integer, Long> offsets = new HashMap<>();
        jdbc.query("SELECT partition_no, start_offset FROM inbox_handover WHERE recipient = ?",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, recipient);
        return offsets;
    }

    /** Records where the partner's inbox continues on the topic; a handover recorded before stays. */
    public void recordHandover(String recipient, Map<Integer, Long> offsets) {
        offsets.forEach((partition, offset) -> jdbc.update("INSERT INTO inbox_handover (recipient, partition_no,"
                + " start_offset) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", recipient, partition, offset));
    }

    /** True when the message was in the partner's inbox rows. */
    public boolean contains(String recipient, String messageId) {
        return !jdbc.queryForList("SELECT seq FROM inbox_message WHERE recipient = ? AND message_id = ?", Long.class,
                recipient, messageId).isEmpty();
    }
}
