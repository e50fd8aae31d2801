package no.ipshub.engine.kafka;

import java.util.HashMap;
import java.util.Map;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Kafka engine: the one factory of the hub's Kafka clients, the {@code hub-kafka} component every
 * Kafka-reading route uses, the shared idempotent producer and the wire codec. The instance's identity and the
 * quarantine for poison records come from the module that runs the routes.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaEngineConfiguration {

    /** Every Kafka client of the hub is made here, with the cluster's settings. */
    @Bean
    HubKafkaClients hubKafkaClients(KafkaClientSettings settings) {
        return new HubKafkaClients(settings);
    }

    @Bean("hub-kafka")
    BatchConsumerComponent batchConsumerComponent(HubKafkaClients kafka, ConsumerProperties consumer,
            ProducerProperties producer, RetryProperties retry, HubProducer hubProducer, InstanceIdentity instance,
            Quarantine quarantine, SupervisedLoops loops) {
        return new BatchConsumerComponent(kafka, consumer, producer, retry, hubProducer, instance, quarantine, loops);
    }

    /** The hub's one shared idempotent producer (acks=all) for what is written outside a route's transaction. */
    @Bean(destroyMethod = "close")
    HubProducer hubProducer(HubKafkaClients kafka, ProducerProperties producer, InstanceIdentity instance) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, producer.lingerMs());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, producer.batchSize());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, producer.compressionType());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, producer.maxRequestBytes());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerProperties.BUFFER_BYTES);
        // a send blocked on metadata (broker away) gives up when a caller would stop waiting anyway
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) producer.sendTimeout().toMillis());
        return new HubProducer(kafka.producer("ips-hub-" + instance.id(), config), producer.sendTimeout());
    }

    @Bean
    HubWireCodec hubWireCodec(SchemaRegistryClient registry) {
        return new HubWireCodec(registry);
    }
}
