package no.ipshub.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.fixtures.TestMessages;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.serde.ConfluentAvroDeserializer;
import no.ipshub.registry.serde.ConfluentAvroSerializer;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/*
 * A partner's view: an ordinary KafkaProducer with the serializer pointed at the hub's registry URL
 * registers HubMessage and writes a referral; an ordinary KafkaConsumer with the deserializer and
 * specific.avro.reader=true reads it back as the generated class. Each test owns its topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.schema-registry.topic=_schemas-app-it")
class KafkaClientsWithEmbeddedRegistryIT {

    @LocalServerPort
    private int port;

    @Autowired
    private KafkaClientSettings kafka;

    @Autowired
    private SchemaRegistryClient inProcessRegistry;

    @Test
    void aPlainConsumerReadsBackTheHubMessageAPlainProducerWrote() throws Exception {
        String topic = "ips.referral-v1-" + UUID.randomUUID();
        HubMessage message = TestMessages.referralMessage();

        produce(topic, message);

        assertThat(consumeOne(topic)).isEqualTo(message);
    }

    @Test
    void theProducerRegistersHubMessageUnderTheTopicValueSubject() throws Exception {
        String topic = "ips.referral-v1-" + UUID.randomUUID();

        produce(topic, TestMessages.referralMessage());

        assertThat(inProcessRegistry.getLatest(topic + "-value").schema()).isEqualTo(HubMessage.getClassSchema());
    }

    private void produce(String topic, HubMessage message) throws Exception {
        Map<String, Object> properties = kafka.commonProperties();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
        properties.put(ConfluentAvroSerializer.SCHEMA_REGISTRY_URL_CONFIG, registryUrl());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, message.getCaseId(), message)).get(30, TimeUnit.SECONDS);
        }
    }

    private Object consumeOne(String topic) {
        Map<String, Object> properties = kafka.commonProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class);
        properties.put(ConfluentAvroSerializer.SCHEMA_REGISTRY_URL_CONFIG, registryUrl());
        properties.put(ConfluentAvroDeserializer.SPECIFIC_AVRO_READER_CONFIG, "true");
        List<Object> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        return values.get(0);
    }

    private String registryUrl() {
        return "http://localhost:" + port + "/registry";
    }
}
