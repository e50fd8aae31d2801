package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far a consumer group is behind on one topic, summed over its partitions.
 *
 * @param topic            the topic
 * @param partitions       its partitions
 * @param endOffset        sum of the partitions' end offsets: records ever written
 * @param retained         sum of end minus beginning offsets: records still on the topic
 * @param position         sum of the group's positions (its committed offset, or the beginning where it has none)
 * @param lag              records written but not yet committed by the group
 * @param committed        true when the group has committed an offset on at least one partition
 * @param expired          records retention deleted before the group read them (its committed offsets below the
 *                         beginning)
 * @param oldestUnreadAt   when the oldest record the group has not committed was written; null when it is caught up
 *                         or the time could not be read
 * @param oldestAgeSeconds how long before the sample that was; null when {@code oldestUnreadAt} is
 * @param alerts           why this lag is an alert ({@code hub.ops.lag-alert.*}); empty when it is not
 */
public record TopicLag(String topic, int partitions, long endOffset, long retained, long position, long lag,
        boolean committed, long expired, Instant oldestUnreadAt, Long oldestAgeSeconds, List<LagAlertReason> alerts) {

    /** The figures from offsets alone, before the oldest record's time is known and the thresholds applied. */
    static TopicLag of(String topic, int partitions, long endOffset, long retained, long position, long lag,
            boolean committed, long expired) {
        return new TopicLag(topic, partitions, endOffset, retained, position, lag, committed, expired, null, null,
                List.of());
    }

    /** The same lag with the time its oldest unread record was written (null when unknown), seen at {@code now}. */
    TopicLag withOldestUnreadAt(Instant writtenAt, Instant now) {
        Long age = writtenAt == null || lag == 0 ? null
                : Math.max(0, Duration.between(writtenAt, now).toSeconds());
        return new TopicLag(topic, partitions, endOffset, retained, position, lag, committed, expired,
                lag == 0 ? null : writtenAt, age, alerts);
    }

    /** The same lag judged by the thresholds. */
    TopicLag judgedBy(LagAlertThresholds thresholds) {
        return new TopicLag(topic, partitions, endOffset, retained, position, lag, committed, expired, oldestUnreadAt,
                oldestAgeSeconds, thresholds.reasons(lag,
                        oldestAgeSeconds == null ? null : Duration.ofSeconds(oldestAgeSeconds), expired));
    }

    /** True when this lag is an alert. */
    boolean alerting() {
        return !alerts.isEmpty();
    }
}
