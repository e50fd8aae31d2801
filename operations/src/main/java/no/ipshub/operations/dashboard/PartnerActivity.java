package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When each partner last sent and last received a message, from the routes' own stores: the idempotency store
 * ({@code processed_message}, one row per accepted message with its sender) and the inbox recipients
 * ({@code inbox_recipient}, the last delivery per recipient).
 *
 * <p>The idempotency store can be large, so it is read incrementally along its {@code recorded_at} index: the
 * first refresh looks back {@code lookback}, later ones only at what was recorded since the previous refresh
 * (less a margin for transactions that commit late or clocks of other hub instances).
 */
public class PartnerActivity {

    private static final Logger log = LoggerFactory.getLogger(PartnerActivity.class);
    /**
     * Rows are stamped before their transaction publishes and commits, which takes well under a second unless
     * Kafka is away; a row that commits later than this only shows at the sender's next message. Every
     * refresh reads the rows of this span again, so it is kept short: under load that is tens of thousands.
     */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lookback;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private volatile Map<String, Instant> lastReceived = Map.of();
    private volatile Instant refreshedAt;
    private volatile String error;

    public PartnerActivity(JdbcTemplate jdbc, Clock clock, Duration lookback) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lookback = lookback;
    }

    /** Reads what was recorded since the last refresh. A failure keeps the previous figures and is reported. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        Instant from = refreshedAt == null ? now.minus(lookback) : refreshedAt.minus(MARGIN);
        try {
            jdbc.query("SELECT sender, MAX(recorded_at) FROM processed_message WHERE recorded_at >= ? GROUP BY sender",
                    rs -> {
                        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                        lastSent.merge(rs.getString(1), at, (a, b) -> a.isAfter(b) ? a : b);
                    }, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            Map<String, Instant> received = new HashMap<>();
            jdbc.query("SELECT recipient, last_delivery_at FROM inbox_recipient WHERE last_delivery_at IS NOT NULL",
                    rs -> {
                        received.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                    });
            lastReceived = Map.copyOf(received);
            refreshedAt = now;
            error = null;
        } catch (DataAccessException e) {
            if (error == null) {
                log.warn("Cannot read partner activity from the routes' stores: {}", e.getMostSpecificCause().toString());
            }
            error = "the routes' stores could not be read: " + e.getMostSpecificCause().getClass().getSimpleName();
        }
    }

    /** When the partner's latest accepted message was recorded; null when none within the look-back. */
    public Instant lastSent(String partner) {
        return lastSent.get(partner);
    }

    /** When the hub last delivered a message to the partner's inbox; null when never. */
    public Instant lastReceived(String partner) {
        return lastReceived.get(partner);
    }

    /** How far back {@link #lastSent} looked at start-up. */
    public Duration lookback() {
        return lookback;
    }

    /** Why the last refresh failed; null when it succeeded. */
    public String error() {
        return error;
    }
}
