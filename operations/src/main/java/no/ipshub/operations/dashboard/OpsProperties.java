package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import no.ipshub.routes.time.HubZone;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations dashboard and its data ({@code hub.ops.*}).
 *
 * @param sampleInterval   how often route counters and Kafka offsets are sampled
 * @param sampleWindow     how much sample history is kept for the throughput chart
 * @param rateWindow       the window of the rates shown in the routes table
 * @param kafkaTimeout     how long one Kafka admin call of a sample may take
 * @param registryRefresh  how long the registry's subject list is reused
 * @param healthRefresh    how long a health reading is reused
 * @param activityLookback a partner whose last accepted message is older than this shows as silent
 * @param pageRefresh      how often the dashboard polls for fresh figures
 * @param zone             the time zone the dashboard shows times in and reads filter dates in
 * @param sessionMaxAge    how long the dashboard's login cookie lives
 * @param lagAlert         from when a route's consumer lag is an alert on the dashboard, in the API and in
 *                         Prometheus ({@code hub.ops.lag-alert.records}, {@code hub.ops.lag-alert.oldest-age})
 */
@ConfigurationProperties("hub.ops")
public record OpsProperties(
        @DefaultValue("5s") Duration sampleInterval,
        @DefaultValue("10m") Duration sampleWindow,
        @DefaultValue("1m") Duration rateWindow,
        @DefaultValue("3s") Duration kafkaTimeout,
        @DefaultValue("30s") Duration registryRefresh,
        @DefaultValue("5s") Duration healthRefresh,
        @DefaultValue("7d") Duration activityLookback,
        @DefaultValue("3s") Duration pageRefresh,
        @DefaultValue(HubZone.NORWAY_ID) ZoneId zone,
        @DefaultValue("8h") Duration sessionMaxAge,
        @DefaultValue LagAlertThresholds lagAlert) {

    public OpsProperties {
        if (sampleInterval.isZero() || sampleInterval.isNegative()) {
            throw new IllegalArgumentException("hub.ops.sample-interval must be positive");
        }
        if (rateWindow.compareTo(sampleInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("hub.ops.rate-window must span at least two hub.ops.sample-interval");
        }
        if (sampleWindow.compareTo(sampleInterval) < 0) {
            throw new IllegalArgumentException("hub.ops.sample-window must be at least hub.ops.sample-interval");
        }
    }

    /** How many samples the ring keeps: the window plus the sample that starts it. */
    public int ringCapacity() {
        return Math.max(2, (int) (sampleWindow.toMillis() / sampleInterval.toMillis()) + 1);
    }
}
