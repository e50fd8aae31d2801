package no.ipshub.routes.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.schemas.v1.HubMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a partner's inbox in delivery order, for the HTTP edge: the messages after a cursor (a seq value),
 * at most {@value #MAX_LIMIT} at a time.
 */
@Component
public class InboxReader {

    /** The largest page a caller can ask for. */
    public static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final HubWireCodec codec;

    public InboxReader(JdbcTemplate jdbc, HubWireCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /**
     * Up to {@code limit} (capped at {@link #MAX_LIMIT}) messages addressed to {@code recipient} with a seq
     * above {@code after}, oldest first. The page's {@code nextCursor} resumes after its last message, or
     * stays at {@code after} when the page is empty.
     */
    public InboxPage read(String recipient, long after, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<InboxItem> items = jdbc.query(
                "SELECT seq, wire_bytes, created_at FROM inbox_message WHERE recipient = ? AND seq > ?"
                        + " ORDER BY seq LIMIT ?",
                (rs, row) -> new InboxItem(rs.getLong(1), codec.decodeMessage(rs.getBytes(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant()),
                recipient, after, capped);
        long next = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new InboxPage(items, next);
    }

    /**
     * One message in an inbox.
     *
     * @param seq         its position, the cursor to resume after it
     * @param message     the message
     * @param deliveredAt when the hub put it into the inbox
     */
    public record InboxItem(long seq, HubMessage message, Instant deliveredAt) {
    }

    /**
     * One page of an inbox.
     *
     * @param items      the messages, oldest first
     * @param nextCursor the cursor for the next page
     */
    public record InboxPage(List<InboxItem> items, long nextCursor) {
    }
}
