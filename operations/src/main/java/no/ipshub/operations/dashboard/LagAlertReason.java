package no.ipshub.operations.dashboard;

/** Why a consumer group's lag on a topic is an alert. */
public enum LagAlertReason {
    /** At least {@code hub.ops.lag-alert.records} records written and not yet committed. */
    RECORDS,
    /** The oldest record not yet committed was written at least {@code hub.ops.lag-alert.oldest-age} ago. */
    OLDEST_AGE,
    /** Retention deleted records before the group read them: its committed offset lies below what the topic holds. */
    EXPIRED
}
