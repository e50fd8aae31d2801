package no.ipshub.connectors.webhook;

import static no.ipshub.connectors.outbound.OutboxRows.instant;
import static no.ipshub.connectors.outbound.OutboxRows.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.outbound.OutboxRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook outbox ({@code webhook_delivery}): what is to be POSTed, when, by which instance, and what
 * happened. Rows are claimed with a conditional update (no {@code SKIP LOCKED}, so H2 and PostgreSQL behave
 * alike): of two instances claiming one row, exactly one updates it.
 */
public class WebhookDeliveryStore {

    /** The states of a delivery. */
    public enum State {
        /** Waiting for its next attempt at {@code next_attempt_at}. */
        PENDING,
        /** Accepted by the partner's endpoint with a 2xx; the message bytes are gone. */
        DELIVERED,
        /** Attempts ran out; waits for an operator to replay it. */
        PARKED
    }

    /** A message to be POSTed to a partner's webhook. */
    public record PendingDelivery(String partnerId, String messageId, byte[] wireBytes) {
    }

    /** A delivery due now, before it is claimed. */
    public record DueDelivery(long id, String partnerId) {
    }

    /** A delivery claimed by this instance, with what it takes to send it. */
    public record ClaimedDelivery(long id, String partnerId, String messageId, byte[] wireBytes, int attempts) {
    }

    /**
     * A parked delivery as operators see it: no message content, no URL.
     *
     * @param lastStatus the HTTP status of the last attempt, or null when it got none (connection failed)
     * @param lastError  what went wrong in the last attempt, e.g. {@code HTTP 500} or {@code ConnectException}
     */
    public record ParkedDelivery(long id, String partnerId, String messageId, int attempts, Integer lastStatus,
            String lastError, Instant createdAt, Instant lastAttemptAt, Instant parkedAt, Instant replayedAt) {
    }

    /** What became of a replay request. */
    public enum ReplayResult {
        REPLAYED, NOT_FOUND, NOT_PARKED
    }

    private static final String COLUMNS_OF_PARKED = "id, partner_id, message_id, attempts, last_status, last_error,"
            + " created_at, last_attempt_at, parked_at, replayed_at";

    private final JdbcTemplate jdbc;

    public WebhookDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the deliveries, due at once; a message already queued for its partner is left alone. */
    public int enqueue(List<PendingDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        OffsetDateTime ts = ts(now);
        int[][] counts = jdbc.batchUpdate("INSERT INTO webhook_delivery (partner_id, message_id, wire_bytes, state,"
                + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING",
                deliveries, deliveries.size(), (ps, d) -> {
                    ps.setString(1, d.partnerId());
                    ps.setString(2, d.messageId());
                    ps.setBytes(3, d.wireBytes());
                    ps.setObject(4, ts);
                    ps.setObject(5, ts);
                });
        int queued = 0;
        for (int count : counts[0]) {
            queued += Math.max(count, 0);
        }
        return queued;
    }

    /** Up to {@code limit} deliveries due at {@code now} and held by no instance, longest waiting first. */
    public List<DueDelivery> due(Instant now, int limit) {
        OffsetDateTime ts = ts(now);
        return jdbc.query("SELECT id, partner_id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT ?",
                (rs, row) -> new DueDelivery(rs.getLong(1), rs.getString(2)), ts, ts, limit);
    }

    /** Claims the delivery for {@code owner} until {@code leaseUntil}; empty when another instance was first. */
    public Optional<ClaimedDelivery> claim(long id, String owner, Instant now, Instant leaseUntil) {
        OffsetDateTime ts = ts(now);
        int claimed = jdbc.update("UPDATE webhook_delivery SET lease_owner = ?, lease_until = ? WHERE id = ?"
                + " AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)", owner, ts(leaseUntil), id, ts);
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, partner_id, message_id, wire_bytes, attempts FROM webhook_delivery WHERE id = ?",
                (rs, row) -> new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getInt(5)), id).stream().findFirst();
    }

    /** The partner's endpoint took it. Clears the message bytes. */
    public void delivered(long id, String owner, Instant now, int status) {
        OffsetDateTime ts = ts(now);
        jdbc.update("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, wire_bytes = NULL,"
                + " last_status = ?, last_error = NULL, last_attempt_at = ?, delivered_at = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND lease_owner = ?", status, ts, ts, id, owner);
    }

    /** The attempt failed; try again at {@code nextAttempt}. */
    public void retryLater(long id, String owner, Instant now, Integer status, String error, Instant nextAttempt) {
        jdbc.update("UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?,"
                + " last_attempt_at = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?", status, clip(error), ts(now), ts(nextAttempt), id, owner);
    }

    /** The attempt failed and no more are made: the delivery waits for an operator. */
    public void park(long id, String owner, Instant now, Integer status, String error, boolean countsAsAttempt) {
        OffsetDateTime ts = ts(now);
        jdbc.update("UPDATE webhook_delivery SET state = 'PARKED', attempts = attempts + ?, last_status = ?,"
                + " last_error = ?, last_attempt_at = ?, parked_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?", countsAsAttempt ? 1 : 0, status, clip(error), ts, ts, id, owner);
    }

    /** Parked deliveries, most recently parked first. */
    public List<ParkedDelivery> parked(int limit) {
        return jdbc.query("SELECT " + COLUMNS_OF_PARKED + " FROM webhook_delivery WHERE state = 'PARKED'"
                + " ORDER BY parked_at DESC, id DESC LIMIT ?", (rs, row) -> new ParkedDelivery(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getInt(4), (Integer) rs.getObject(5, Integer.class), rs.getString(6),
                instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class)),
                instant(rs.getObject(9, OffsetDateTime.class)), instant(rs.getObject(10, OffsetDateTime.class))), limit);
    }

    /** Makes a parked delivery due again with a fresh set of attempts. */
    public ReplayResult replay(long id, String by, Instant now) {
        OffsetDateTime ts = ts(now);
        int updated = jdbc.update("UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " replayed_at = ?, replayed_by = ?, parked_at = NULL WHERE id = ? AND state = 'PARKED'",
                ts, ts, clip(by), id);
        if (updated > 0) {
            return ReplayResult.REPLAYED;
        }
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE id = ?", Integer.class, id);
        return exists != null && exists > 0 ? ReplayResult.NOT_PARKED : ReplayResult.NOT_FOUND;
    }

    /** The partner of a delivery, if it exists. */
    public Optional<String> partnerOf(long id) {
        return jdbc.queryForList("SELECT partner_id FROM webhook_delivery WHERE id = ?", String.class, id)
                .stream().findFirst();
    }

    /** Drops the partner's pending deliveries (its webhook was removed); parked ones stay for the record. */
    public int cancelPending(String partnerId) {
        return jdbc.update("DELETE FROM webhook_delivery WHERE partner_id = ? AND state = 'PENDING'", partnerId);
    }

    /** Deletes delivered rows older than {@code before}. */
    public int purgeDelivered(Instant before) {
        return jdbc.update("DELETE FROM webhook_delivery WHERE state = 'DELIVERED' AND delivered_at < ?", ts(before));
    }

    /** Deliveries per state, every state present. */
    public Map<State, Long> countsByState() {
        return OutboxRows.countsByState(jdbc, "webhook_delivery", State.class);
    }

    private static String clip(String text) {
        return OutboxRows.clip(text, 200);
    }
}
