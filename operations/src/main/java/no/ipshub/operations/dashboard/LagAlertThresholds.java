package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a route's consumer lag is an alert ({@code hub.ops.lag-alert.*}): a backlog of {@code records} or more, or
 * an oldest unread record {@code oldestAge} old or older. The age is what relates to retention: it must alert long
 * before a topic deletes what the route has not read, so it has to be shorter than the ingress retention.
 *
 * @param records   records behind on one topic from which it is an alert
 * @param oldestAge age of the oldest unread record on one topic from which it is an alert
 */
public record LagAlertThresholds(@DefaultValue("10000") long records, @DefaultValue("15m") Duration oldestAge) {

    public LagAlertThresholds {
        if (records < 1) {
            throw new IllegalArgumentException("hub.ops.lag-alert.records must be at least 1");
        }
        if (oldestAge == null || oldestAge.isZero() || oldestAge.isNegative()) {
            throw new IllegalArgumentException("hub.ops.lag-alert.oldest-age must be positive");
        }
    }

    /**
     * Refuses an alert age that would come only after a topic kept for {@code retention} has deleted the records it
     * is about.
     *
     * @throws IllegalStateException when {@code oldestAge} is not shorter than {@code retention}
     */
    public void requireShorterThan(Duration retention, String retentionKey) {
        if (oldestAge.compareTo(retention) >= 0) {
            throw new IllegalStateException("hub.ops.lag-alert.oldest-age (" + oldestAge + ") must be shorter than "
                    + retentionKey + " (" + retention + "): the alert would come after the records it is about"
                    + " were deleted");
        }
    }

    /**
     * Why this lag is an alert; empty when it is not.
     *
     * @param lag         records written and not yet committed
     * @param oldestAge   how long ago the oldest of them was written; null when not known or nothing is behind
     * @param expired     records retention deleted before the group read them
     */
    public List<LagAlertReason> reasons(long lag, Duration oldestAge, long expired) {
        List<LagAlertReason> reasons = new ArrayList<>(3);
        if (lag >= records) {
            reasons.add(LagAlertReason.RECORDS);
        }
        if (lag > 0 && oldestAge != null && oldestAge.compareTo(this.oldestAge) >= 0) {
            reasons.add(LagAlertReason.OLDEST_AGE);
        }
        if (expired > 0) {
            reasons.add(LagAlertReason.EXPIRED);
        }
        return List.copyOf(reasons);
    }
}
