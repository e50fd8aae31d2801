package no.ipshub.operations.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route's consumer lag per topic as Prometheus gauges, refreshed at each sample: {@code ips_hub_lag_records},
 * {@code ips_hub_lag_oldest_age_seconds} (0 when caught up; absent while not known) and {@code ips_hub_lag_alert}
 * (1 when the lag is an alert by {@code hub.ops.lag-alert.*}, else 0), tagged {@code route}, {@code group} and
 * {@code topic} (an ingress topic names its partner). A topic or route that goes away leaves the gauges.
 */
public class LagMetrics implements MeterBinder {

    private volatile Gauges gauges;

    @Override
    public void bindTo(MeterRegistry registry) {
        gauges = new Gauges(
                MultiGauge.builder("ips.hub.lag.records")
                        .description("Records a route's consumer group has not yet committed on a topic")
                        .register(registry),
                MultiGauge.builder("ips.hub.lag.oldest.age")
                        .description("How long ago the oldest record a route's consumer group has not committed on a"
                                + " topic was written")
                        .baseUnit("seconds")
                        .register(registry),
                MultiGauge.builder("ips.hub.lag.alert")
                        .description("1 when a route's lag on a topic is an alert (hub.ops.lag-alert.*), else 0")
                        .register(registry));
    }

    /** Sets the gauges to the figures of a sample. */
    void record(LagSnapshot snapshot) {
        Gauges current = gauges;
        if (current == null) {
            return;
        }
        List<MultiGauge.Row<?>> records = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        List<MultiGauge.Row<?>> alerts = new ArrayList<>();
        for (LagSnapshot.RouteLag route : snapshot.routes()) {
            for (TopicLag topic : route.topics()) {
                Tags tags = Tags.of("route", route.routeId(), "group", route.consumerGroup(), "topic", topic.topic());
                records.add(MultiGauge.Row.of(tags, topic.lag()));
                if (topic.lag() == 0) {
                    ages.add(MultiGauge.Row.of(tags, 0));
                } else if (topic.oldestAgeSeconds() != null) {
                    ages.add(MultiGauge.Row.of(tags, topic.oldestAgeSeconds()));
                }
                alerts.add(MultiGauge.Row.of(tags, topic.alerting() ? 1 : 0));
            }
        }
        current.records().register(records, true);
        current.ages().register(ages, true);
        current.alerts().register(alerts, true);
    }

    private record Gauges(MultiGauge records, MultiGauge ages, MultiGauge alerts) {
    }
}
