package no.ipshub.hub.kafka;

import java.util.HashMap;
import java.util.Map;
import no.ipshub.hub.metrics.KafkaClientMetricsReporter;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;

/** Connection settings for an external Kafka cluster, taken from {@code hub.kafka.*}. */
public record ExternalKafkaClientSettings(String bootstrapServers, Map<String, String> properties, int clusterSize)
        implements KafkaClientSettings {

    public ExternalKafkaClientSettings {
        properties = Map.copyOf(properties);
    }

    @Override
    public Map<String, Object> commonProperties() {
        Map<String, Object> common = new HashMap<>(properties);
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        KafkaClientMetricsReporter.addTo(common);
        return common;
    }

    @Override
    public String toString() {
        // properties may hold a SASL password
        return "ExternalKafkaClientSettings[" + bootstrapServers + ", " + clusterSize + " brokers]";
    }
}
