package no.ipshub.registry.support;

import java.util.HashMap;
import java.util.Map;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker for all of the module's integration tests, started on first use and
 * stopped when the JVM exits. Each test owns its topics.
 */
public final class KafkaTestBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private KafkaTestBroker() {
    }

    /** Connection settings for the shared broker, as the hub's {@link KafkaClientSettings} bean gives them. */
    public static synchronized KafkaClientSettings settings() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
        }
        return new Settings(broker.getBrokersAsString());
    }

    private record Settings(String bootstrapServers) implements KafkaClientSettings {

        @Override
        public Map<String, Object> commonProperties() {
            Map<String, Object> properties = new HashMap<>();
            properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return properties;
        }

        @Override
        public int clusterSize() {
            return 1;
        }
    }
}
