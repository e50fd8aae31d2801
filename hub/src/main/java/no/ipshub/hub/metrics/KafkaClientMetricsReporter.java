package no.ipshub.hub.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * Publishes the Kafka client metrics that matter for operating the hub (sends, errors, consumption, lag,
 * commits, rebalances) as Micrometer meters, from every producer, consumer and admin client of the hub.
 *
 * <p>Kafka instantiates reporters itself from {@code metric.reporters}; {@link #addTo} puts this class in
 * the common client settings, and {@link #bindTo} tells all reporters, present and future, which registry
 * to use.
 */
public class KafkaClientMetricsReporter implements MetricsReporter {

    /** Metric names per Kafka group that become meters; everything else stays inside the client. */
    private static final Map<String, Set<String>> EXPORTED = Map.of(
            "producer-metrics", Set.of("record-send-total", "record-error-total", "record-retry-total",
                    "request-latency-avg", "request-latency-max", "record-queue-time-avg", "batch-size-avg",
                    "buffer-available-bytes"),
            "producer-topic-metrics", Set.of("record-send-total", "record-error-total"),
            "consumer-fetch-manager-metrics", Set.of("records-consumed-total", "bytes-consumed-total",
                    "records-lag-max", "records-lag", "fetch-latency-avg"),
            "consumer-coordinator-metrics", Set.of("commit-total", "commit-latency-avg", "rebalance-total",
                    "failed-rebalance-total", "assigned-partitions"));

    private static final Set<KafkaClientMetricsReporter> REPORTERS = new CopyOnWriteArraySet<>();
    private static volatile MeterRegistry registry;

    private final Map<MetricName, KafkaMetric> metrics = new HashMap<>();
    private final Map<MetricName, Meter> meters = new HashMap<>();

    /** Adds this reporter to a client configuration, keeping any reporters already listed there. */
    public static void addTo(Map<String, Object> clientProperties) {
        Object existing = clientProperties.get(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG);
        String name = KafkaClientMetricsReporter.class.getName();
        if (existing == null || existing.toString().isBlank()) {
            clientProperties.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, name);
        } else if (!existing.toString().contains(name)) {
            clientProperties.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, existing + "," + name);
        }
    }

    /** Routes all Kafka client metrics of this process to {@code meterRegistry}. */
    public static void bindTo(MeterRegistry meterRegistry) {
        registry = meterRegistry;
        for (KafkaClientMetricsReporter reporter : REPORTERS) {
            reporter.rebind();
        }
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void init(List<KafkaMetric> initial) {
        REPORTERS.add(this);
        initial.forEach(this::metricChange);
    }

    @Override
    public synchronized void metricChange(KafkaMetric metric) {
        MetricName name = metric.metricName();
        Set<String> wanted = EXPORTED.get(name.group());
        if (wanted == null || !wanted.contains(name.name())) {
            return;
        }
        metrics.put(name, metric);
        register(name, metric);
    }

    @Override
    public synchronized void metricRemoval(KafkaMetric metric) {
        MetricName name = metric.metricName();
        metrics.remove(name);
        Meter meter = meters.remove(name);
        if (meter != null && registry != null) {
            registry.remove(meter);
        }
    }

    @Override
    public synchronized void close() {
        REPORTERS.remove(this);
        MeterRegistry current = registry;
        if (current != null) {
            meters.values().forEach(current::remove);
        }
        meters.clear();
        metrics.clear();
    }

    private synchronized void rebind() {
        meters.clear();
        metrics.forEach(this::register);
    }

    private void register(MetricName name, KafkaMetric metric) {
        MeterRegistry current = registry;
        if (current == null) {
            return;
        }
        List<Tag> tags = new ArrayList<>();
        name.tags().forEach((key, value) -> tags.add(Tag.of(key.replace('-', '.'), value)));
        String meterName = meterName(name);
        Meter meter;
        if (name.name().endsWith("-total")) {
            meter = FunctionCounter.builder(meterName, metric, KafkaClientMetricsReporter::valueOf)
                .tags(tags)
                .description(name.description())
                .register(current);
        } else {
            meter = Gauge.builder(meterName, metric, KafkaClientMetricsReporter::valueOf)
                .tags(tags)
                .description(name.description())
                .register(current);
        }
        meters.put(name, meter);
    }

    /**
     * {@code kafka.<client kind>[.topic|.partition].<metric>}: the level is part of the name because one meter
     * name must always carry the same tag keys.
     */
    static String meterName(MetricName name) {
        String kind = switch (name.group()) {
            case "producer-metrics", "producer-topic-metrics" -> "producer";
            case "consumer-coordinator-metrics" -> "consumer.coordinator";
            default -> "consumer";
        };
        String level = name.tags().containsKey("partition") ? ".partition"
                : name.tags().containsKey("topic") ? ".topic" : "";
        String metric = name.name().endsWith("-total")
                ? name.name().substring(0, name.name().length() - "-total".length())
                : name.name();
        return "kafka." + kind + level + "." + metric.replace('-', '.');
    }

    private static double valueOf(KafkaMetric metric) {
        Object value = metric.metricValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
