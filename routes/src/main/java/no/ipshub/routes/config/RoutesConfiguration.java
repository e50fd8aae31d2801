package no.ipshub.routes.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.cases.CasePartyStore;
import no.ipshub.routes.idempotency.ProcessedMessageStore;
import no.ipshub.routes.intake.MessageIntake;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.routes.partner.PartnersProperties;
import no.ipshub.routes.validation.IngressValidator;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the routes module: Camel's {@code kafka} component configured once from {@link KafkaClientSettings}
 * (so no route URI names brokers or serdes), the shared idempotent producer, the wire codec, the validator
 * and the intake service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubTopics.class, IngressProperties.class, DeliveryProperties.class,
        IdempotencyProperties.class, RetryProperties.class, ProducerProperties.class, PartnersProperties.class})
public class RoutesConfiguration {

    /**
     * The one Kafka component all routes use: brokers and security from the cluster settings, byte-array
     * serdes (values are Confluent wire-format bytes the hub encodes itself), idempotent producers with
     * acks=all, and new consumer groups start at the earliest offset so nothing written before is missed.
     */
    @Bean("kafka")
    KafkaComponent kafkaComponent(KafkaClientSettings settings) {
        KafkaConfiguration config = new KafkaConfiguration();
        config.setBrokers(settings.bootstrapServers());
        Map<String, Object> common = new HashMap<>(settings.commonProperties());
        common.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        config.setAdditionalProperties(common);
        config.setKeySerializer(ByteArraySerializer.class.getName());
        config.setValueSerializer(ByteArraySerializer.class.getName());
        config.setKeyDeserializer(ByteArrayDeserializer.class.getName());
        config.setValueDeserializer(ByteArrayDeserializer.class.getName());
        config.setRequestRequiredAcks("all");
        config.setEnableIdempotence(true);
        config.setAutoOffsetReset("earliest");
        KafkaComponent kafka = new KafkaComponent();
        kafka.setConfiguration(config);
        return kafka;
    }

    @Bean(destroyMethod = "close")
    HubProducer hubProducer(KafkaClientSettings settings, ProducerProperties producer) {
        Map<String, Object> config = settings.commonProperties();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ips-hub");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, producer.lingerMs());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, producer.batchSize());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, producer.compressionType());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, producer.maxRequestBytes());
        // a send blocked on metadata (broker away) gives up when a caller would stop waiting anyway
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) producer.sendTimeout().toMillis());
        return new HubProducer(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                producer.sendTimeout());
    }

    @Bean
    HubWireCodec hubWireCodec(SchemaRegistryClient registry) {
        return new HubWireCodec(registry);
    }

    @Bean
    IngressValidator ingressValidator(PartnerDirectory partners, IngressProperties ingress) {
        return new IngressValidator(partners, Clock.systemUTC(), ingress.clockSkew());
    }

    @Bean
    MessageIntake messageIntake(IngressValidator validator, CasePartyStore caseParties,
            ProcessedMessageStore processed, HubProducer producer, HubWireCodec codec, HubTopics topics,
            TransactionTemplate tx, ProducerProperties producerProperties) {
        return new MessageIntake(validator, caseParties, processed, producer, codec, topics, tx, Clock.systemUTC(),
                producerProperties.sendTimeout());
    }
}
