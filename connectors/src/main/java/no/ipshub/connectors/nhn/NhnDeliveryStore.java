package no.ipshub.connectors.nhn;

import static no.ipshub.connectors.outbound.OutboxRows.clip;
import static no.ipshub.connectors.outbound.OutboxRows.instant;
import static no.ipshub.connectors.outbound.OutboxRows.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.connectors.outbound.OutboxRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The outbox of messages sent over Norsk helsenett ({@code nhn_delivery}). Rows are claimed with a conditional
 * update and a lease, as the webhook outbox's are, so two instances never send or check one row at once.
 */
public class NhnDeliveryStore {

    /** The states of a delivery. */
    public enum State {
        /** Waiting to be posted to the EDI 2.0 API at {@code next_attempt_at}. */
        PENDING,
        /** Posted; its application receipt is asked for at {@code next_attempt_at}. */
        SENT,
        /** The receiver's system answered with AppRec OK. */
        OK,
        /** The receiver's system answered with AppRec AVVIST: the message is a dead letter. */
        REJECTED,
        /** Not posted within its attempts, or no receipt within the receipt timeout: for operators. */
        PARKED
    }

    /** A message to send, with the inbox record it came from. */
    public record NewDelivery(String partnerId, String messageId, String caseId, long herId, String sourceTopic,
            int sourcePartition, long sourceOffset, byte[] wireBytes) {
    }

    /** A delivery claimed by this instance. */
    public record Claimed(long id, String partnerId, String messageId, String caseId, long herId, State state,
            int attempts, String nhnMessageId, Instant sentAt) {
    }

    /** The inbox record of a delivery, for its dead letter. */
    public record Source(String topic, int partition, long offset, byte[] wireBytes) {
    }

    /**
     * A delivery as operators and its partner see it: no content.
     *
     * @param apprecStatus OK, AVVIST or OK_FEIL_I_DELMELDING; null until the receipt came
     * @param apprecErrors the receipt's errors as text; null when none
     * @param lastError    what went wrong in the last attempt to post or to ask for the receipt
     */
    public record View(long id, String partnerId, String messageId, String caseId, long herId, String state,
            int attempts, String nhnMessageId, String apprecStatus, String apprecErrors, String lastError,
            Instant createdAt, Instant sentAt, Instant receiptAt) {
    }

    private static final String VIEW_COLUMNS = "id, partner_id, message_id, case_id, her_id, state, attempts,"
            + " nhn_message_id, apprec_status, apprec_errors, last_error, created_at, sent_at, receipt_at";
    private static final RowMapper<View> VIEWS = (rs, row) -> new View(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getString(11), instant(rs.getObject(12, OffsetDateTime.class)),
            instant(rs.getObject(13, OffsetDateTime.class)), instant(rs.getObject(14, OffsetDateTime.class)));

    private final JdbcTemplate jdbc;

    public NhnDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the deliveries, due at once; a message already queued for its partner is left alone. */
    public void enqueue(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        OffsetDateTime ts = ts(now);
        jdbc.batchUpdate("INSERT INTO nhn_delivery (partner_id, message_id, case_id, her_id, source_topic,"
                + " source_partition, source_offset, wire_bytes, state, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING",
                deliveries, deliveries.size(), (ps, d) -> {
                    ps.setString(1, d.partnerId());
                    ps.setString(2, d.messageId());
                    ps.setString(3, d.caseId());
                    ps.setLong(4, d.herId());
                    ps.setString(5, d.sourceTopic());
                    ps.setInt(6, d.sourcePartition());
                    ps.setLong(7, d.sourceOffset());
                    ps.setBytes(8, d.wireBytes());
                    ps.setObject(9, ts);
                    ps.setObject(10, ts);
                });
    }

    /** Ids of up to {@code limit} deliveries to post or to check now, held by no instance, longest waiting first. */
    public List<Long> due(Instant now, int limit) {
        OffsetDateTime ts = ts(now);
        return jdbc.queryForList("SELECT id FROM nhn_delivery WHERE state IN ('PENDING', 'SENT') AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT ?", Long.class,
                ts, ts, limit);
    }

    /** Claims a due delivery for {@code owner} until {@code leaseUntil}; empty when another instance was first. */
    public Optional<Claimed> claim(long id, String owner, Instant now, Instant leaseUntil) {
        OffsetDateTime ts = ts(now);
        int claimed = jdbc.update("UPDATE nhn_delivery SET lease_owner = ?, lease_until = ? WHERE id = ?"
                + " AND state IN ('PENDING', 'SENT') AND (lease_until IS NULL OR lease_until < ?)", owner,
                ts(leaseUntil), id, ts);
        if (claimed == 0) {
            return Optional.empty();
        }
        return load(id);
    }

    private Optional<Claimed> load(long id) {
        return jdbc.query("SELECT id, partner_id, message_id, case_id, her_id, state, attempts, nhn_message_id, sent_at"
                + " FROM nhn_delivery WHERE id = ?", (rs, row) -> new Claimed(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), State.valueOf(rs.getString(6)), rs.getInt(7),
                rs.getString(8), instant(rs.getObject(9, OffsetDateTime.class))), id).stream().findFirst();
    }

    /** The API took the message: its receipt is asked for from {@code firstCheck} on. */
    public void sent(long id, String owner, Instant now, String nhnMessageId, Instant firstCheck) {
        jdbc.update("UPDATE nhn_delivery SET state = 'SENT', attempts = attempts + 1, nhn_message_id = ?,"
                + " last_error = NULL, sent_at = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?", clip(nhnMessageId, 64), ts(now), ts(firstCheck), id, owner);
    }

    /** Posting failed, or the receipt is not there yet: try again at {@code next}. */
    public void later(long id, String owner, boolean countsAsAttempt, String error, Instant next) {
        jdbc.update("UPDATE nhn_delivery SET attempts = attempts + ?, last_error = ?, next_attempt_at = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", countsAsAttempt ? 1 : 0,
                clip(error, 200), ts(next), id, owner);
    }

    /** No more tries: the delivery waits for an operator. */
    public void park(long id, String owner, boolean countsAsAttempt, String error) {
        jdbc.update("UPDATE nhn_delivery SET state = 'PARKED', attempts = attempts + ?, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", countsAsAttempt ? 1 : 0,
                clip(error, 200), id, owner);
    }

    /** The receipt came: OK (the inbox record is dropped) or REJECTED (it is kept with the dead letter). */
    public void receipt(long id, String owner, Instant now, AppRec receipt) {
        boolean ok = receipt.status() != AppRec.Status.AVVIST;
        jdbc.update("UPDATE nhn_delivery SET state = ?, apprec_status = ?, apprec_errors = ?, receipt_at = ?,"
                + " wire_bytes = CASE WHEN ? THEN NULL ELSE wire_bytes END, last_error = NULL, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND lease_owner = ?", ok ? State.OK.name() : State.REJECTED.name(),
                receipt.status().name(), receipt.errors().isEmpty() ? null : clip(receipt.errorSummary(), 1000),
                ts(now), ok, id, owner);
    }

    /** The inbox record a delivery came from. */
    public Optional<Source> source(long id) {
        return jdbc.query("SELECT source_topic, source_partition, source_offset, wire_bytes FROM nhn_delivery WHERE id = ?",
                (rs, row) -> new Source(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getBytes(4)), id).stream()
                .findFirst();
    }

    /** The delivery of a message sent with this MsgId to the partner with this HER-id, if any. */
    public Optional<Long> sentTo(String messageId, long herId) {
        return jdbc.queryForList("SELECT id FROM nhn_delivery WHERE message_id = ? AND her_id = ?", Long.class,
                messageId, herId).stream().findFirst();
    }

    /** Claims a delivery whatever its due time, to record a receipt that arrived as a message of its own. */
    public Optional<Claimed> claimForReceipt(long id, String owner, Instant now, Instant leaseUntil) {
        int claimed = jdbc.update("UPDATE nhn_delivery SET lease_owner = ?, lease_until = ? WHERE id = ?"
                + " AND state IN ('PENDING', 'SENT', 'PARKED') AND (lease_until IS NULL OR lease_until < ?)", owner,
                ts(leaseUntil), id, ts(now));
        return claimed == 0 ? Optional.empty() : load(id);
    }

    /** The latest deliveries, newest first; of one partner when {@code partnerId} is not null. */
    public List<View> latest(String partnerId, int limit) {
        return partnerId == null
                ? jdbc.query("SELECT " + VIEW_COLUMNS + " FROM nhn_delivery ORDER BY created_at DESC, id DESC LIMIT ?",
                        VIEWS, limit)
                : jdbc.query("SELECT " + VIEW_COLUMNS + " FROM nhn_delivery WHERE partner_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?", VIEWS, partnerId, limit);
    }

    /** Deliveries per state, every state present. */
    public Map<State, Long> countsByState() {
        return OutboxRows.countsByState(jdbc, "nhn_delivery", State.class);
    }
}
