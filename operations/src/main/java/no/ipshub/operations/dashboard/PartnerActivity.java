package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.ipshub.operations.activity.PartnerActivityStore.Activity;
import no.ipshub.operations.activity.PartnerActivityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * When each partner last sent and last received a message, as the partner-activity route keeps it
 * ({@code partner_activity}); a partner that sent nothing within {@code lookback} shows as silent.
 */
public class PartnerActivity {

    private static final Logger log = LoggerFactory.getLogger(PartnerActivity.class);

    private final PartnerActivityStore store;
    private final Clock clock;
    private final Duration lookback;
    private volatile Map<String, Activity> activity = Map.of();
    private volatile String error;

    public PartnerActivity(PartnerActivityStore store, Clock clock, Duration lookback) {
        this.store = store;
        this.clock = clock;
        this.lookback = lookback;
    }

    /**
     * Reads the table again. A failure keeps the previous figures, is shown with them ({@link #error()}) and is
     * thrown on, so the schedule that refreshes counts it.
     */
    public synchronized void refresh() {
        try {
            activity = Map.copyOf(store.all());
            error = null;
        } catch (DataAccessException e) {
            if (error == null) {
                log.warn("Cannot read partner activity: {}", e.getMostSpecificCause().toString());
            }
            error = "partner activity could not be read: " + e.getMostSpecificCause().getClass().getSimpleName();
            throw e;
        }
    }

    /** When the partner's latest accepted message was sent; null when none within the look-back. */
    public Instant lastSent(String partner) {
        Activity a = activity.get(partner);
        if (a == null || a.lastSent() == null || a.lastSent().isBefore(clock.instant().minus(lookback))) {
            return null;
        }
        return a.lastSent();
    }

    /** When the hub last delivered a message to the partner's inbox; null when never. */
    public Instant lastReceived(String partner) {
        Activity a = activity.get(partner);
        return a == null ? null : a.lastReceived();
    }

    /** How far back {@link #lastSent} looks. */
    public Duration lookback() {
        return lookback;
    }

    /** Why the last refresh failed; null when it succeeded. */
    public String error() {
        return error;
    }
}
