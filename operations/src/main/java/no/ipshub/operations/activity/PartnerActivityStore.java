package no.ipshub.operations.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code partner_activity} table: per partner, the newest message it sent and the newest delivered to it. */
public class PartnerActivityStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PartnerActivityStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** When a partner last sent and last received a message; either may be null. */
    public record Activity(Instant lastSent, Instant lastReceived) {
    }

    /** Moves each partner's times forward to these (never back), in one transaction. */
    public void record(Map<String, Instant> sent, Map<String, Instant> received) {
        if (sent.isEmpty() && received.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            sent.forEach((partner, at) -> moveForward(partner, "last_sent_at", at));
            received.forEach((partner, at) -> moveForward(partner, "last_received_at", at));
        });
    }

    /** Every partner's activity. */
    public Map<String, Activity> all() {
        Map<String, Activity> activity = new HashMap<>();
        jdbc.query("SELECT partner, last_sent_at, last_received_at FROM partner_activity", rs -> {
            activity.put(rs.getString(1), new Activity(instant(rs.getObject(2, OffsetDateTime.class)),
                    instant(rs.getObject(3, OffsetDateTime.class))));
        });
        return activity;
    }

    private void moveForward(String partner, String column, Instant at) {
        OffsetDateTime ts = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        String update = "UPDATE partner_activity SET " + column + " = ? WHERE partner = ? AND (" + column
                + " IS NULL OR " + column + " < ?)";
        if (jdbc.update(update, ts, partner, ts) == 0) {
            jdbc.update("INSERT INTO partner_activity (partner) VALUES (?) ON CONFLICT DO NOTHING", partner);
            jdbc.update(update, ts, partner, ts);
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
