package no.ipshub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaClientMetricsReporterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Metrics metrics;

    @AfterEach
    void closeMetrics() {
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Kafka's own metrics machinery, as a producer or consumer runs it, with the reporter plugged in. */
    private Sensor sensor(String group, String name, Map<String, String> tags, boolean cumulative) {
        KafkaClientMetricsReporter.bindTo(registry);
        if (metrics == null) {
            metrics = new Metrics(new MetricConfig(), List.of(new KafkaClientMetricsReporter()), Time.SYSTEM);
        }
        Sensor sensor = metrics.sensor(group + "." + name + "." + tags);
        MetricName metricName = metrics.metricName(name, group, "", tags);
        sensor.add(metricName, cumulative ? new CumulativeSum() : new Max());
        return sensor;
    }

    @Test
    void aProducerSendCounterBecomesACounterTaggedWithTheClientId() {
        Sensor sends = sensor("producer-metrics", "record-send-total", Map.of("client-id", "hub-producer-1"), true);

        sends.record(3);
        sends.record(4);

        assertThat(registry.get("kafka.producer.record.send").tag("client.id", "hub-producer-1").functionCounter()
            .count()).isEqualTo(7.0);
    }

    @Test
    void perPartitionLagIsAGaugeWithTopicAndPartitionTags() {
        Map<String, String> tags = new HashMap<>(Map.of("client-id", "c1", "topic", "ips.inbox.nav-bodo-v1",
                "partition", "0"));
        Sensor lag = sensor("consumer-fetch-manager-metrics", "records-lag", tags, false);

        lag.record(12);

        assertThat(registry.get("kafka.consumer.partition.records.lag").tag("topic", "ips.inbox.nav-bodo-v1")
            .tag("partition", "0").gauge().value()).isEqualTo(12.0);
    }

    @Test
    void metricsOutsideTheExportedSetStayInsideTheClient() {
        sensor("producer-metrics", "io-wait-time-ns-avg", Map.of("client-id", "p"), false).record(1);

        assertThat(registry.find("kafka.producer.io.wait.time.ns.avg").meter()).isNull();
    }

    @Test
    void aClosedClientsMetersAreRemoved() {
        sensor("consumer-coordinator-metrics", "commit-total", Map.of("client-id", "gone"), true).record(1);

        metrics.close();
        metrics = null;

        assertThat(registry.find("kafka.consumer.coordinator.commit").meter()).isNull();
    }

    @Test
    void theReporterIsAddedBesideReportersAlreadyConfigured() {
        Map<String, Object> settings = new HashMap<>(Map.of("metric.reporters", "com.example.Reporter"));

        KafkaClientMetricsReporter.addTo(settings);
        KafkaClientMetricsReporter.addTo(settings);

        assertThat(settings.get("metric.reporters"))
            .isEqualTo("com.example.Reporter," + KafkaClientMetricsReporter.class.getName());
    }
}
