package no.ipshub.hub.kafka;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hub.kafka.*} settings: an external cluster when {@code brokers} is set, otherwise the embedded
 * single-node broker.
 *
 * @param brokers     bootstrap servers of an external cluster ({@code HUB_KAFKA_BROKERS}); blank starts the
 *                    embedded broker
 * @param clusterSize how many brokers the external cluster has; decides replication and
 *                    {@code min.insync.replicas}. The embedded broker is always one.
 * @param properties  extra client settings for the external cluster, e.g. {@code security.protocol},
 *                    {@code sasl.mechanism}, {@code sasl.jaas.config}
 * @param embedded    the embedded broker
 */
@ConfigurationProperties("hub.kafka")
public record HubKafkaProperties(
        String brokers,
        @DefaultValue("3") int clusterSize,
        Map<String, String> properties,
        @DefaultValue Embedded embedded) {

    public HubKafkaProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (clusterSize < 1) {
            throw new IllegalArgumentException("hub.kafka.cluster-size must be at least 1, not " + clusterSize);
        }
    }

    /** Names the property keys only: their values may hold a SASL password. */
    @Override
    public String toString() {
        return "HubKafkaProperties[brokers=" + brokers + ", clusterSize=" + clusterSize + ", properties="
                + properties.keySet() + ", embedded=" + embedded + "]";
    }

    /** Whether the hub starts its own broker. */
    public boolean useEmbeddedBroker() {
        return brokers == null || brokers.isBlank();
    }

    /**
     * The embedded single-node KRaft broker (combined broker and controller).
     *
     * @param dataDir        where its logs and metadata live; formatted on first start, reused afterwards
     * @param host           the address it listens on and advertises to clients
     * @param port           the client (PLAINTEXT) port
     * @param controllerPort the KRaft controller port
     */
    public record Embedded(
            @DefaultValue("./data/kafka") Path dataDir,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("9092") int port,
            @DefaultValue("9093") int controllerPort) {
    }
}
