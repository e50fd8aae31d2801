package no.ipshub.routes.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The idempotency store ({@code processed_message}): the message ids the hub has published to a canonical
 * topic, with the time they were recorded so that a bounded retention window can be kept.
 */
@Repository
public class ProcessedMessageStore {

    private static final String INSERT = "INSERT INTO processed_message"
            + " (message_id, sender, case_id, canonical_topic, recorded_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ProcessedMessageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The sender of each of these message ids that was already processed. */
    public Map<String, String> sendersOf(Collection<String> messageIds) {
        Map<String, String> senders = new HashMap<>();
        if (messageIds.isEmpty()) {
            return senders;
        }
        named.query("SELECT message_id, sender FROM processed_message WHERE message_id IN (:ids)",
                Map.of("ids", List.copyOf(messageIds)),
                rs -> {
                    senders.put(rs.getString(1), rs.getString(2));
                });
        return senders;
    }

    /** Records these messages as processed; one recorded before is left as it is. Joins the caller's transaction. */
    public void record(List<ProcessedMessage> messages, Instant at) {
        if (messages.isEmpty()) {
            return;
        }
        OffsetDateTime ts = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT, messages, messages.size(), (ps, m) -> {
            ps.setString(1, m.messageId());
            ps.setString(2, m.sender());
            ps.setString(3, m.caseId());
            ps.setString(4, m.canonicalTopic());
            ps.setObject(5, ts);
        });
    }

    /** Deletes the ids recorded before {@code cutoff}; returns how many. */
    public int purgeRecordedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM processed_message WHERE recorded_at < ?", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    /**
     * A message id the hub has published.
     *
     * @param messageId      the idempotency key
     * @param sender         the partner that sent it
     * @param caseId         its case
     * @param canonicalTopic the topic it was published to
     */
    public record ProcessedMessage(String messageId, String sender, String caseId, String canonicalTopic) {
    }
}
