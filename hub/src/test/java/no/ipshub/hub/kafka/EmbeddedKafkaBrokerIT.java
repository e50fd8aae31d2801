package no.ipshub.hub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * The embedded broker on its own: formatted once, restarted on the same directory with its data intact, and
 * a clear refusal when its port is taken.
 */
class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dataDir;

    private HubKafkaProperties.Embedded settings(int port, int controllerPort) {
        return new HubKafkaProperties.Embedded(dataDir.resolve("kafka"), "127.0.0.1", port, controllerPort);
    }

    @Test
    void aRecordWrittenBeforeARestartIsReadAfterIt() throws Exception {
        HubKafkaProperties.Embedded settings = settings(freePort(), freePort());
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(settings);
        String metaBefore;
        try {
            try (Admin admin = Admin.create(first.commonProperties())) {
                admin.createTopics(List.of(new NewTopic("restart-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(first))) {
                producer.send(new ProducerRecord<>("restart-check", "case-1", "kept")).get(30, TimeUnit.SECONDS);
            }
            metaBefore = Files.readString(dataDir.resolve("kafka/meta.properties"));
        } finally {
            first.destroy();
        }

        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(settings);
        try {
            assertThat(Files.readString(dataDir.resolve("kafka/meta.properties"))).isEqualTo(metaBefore);
            assertThat(readAll(second, "restart-check")).containsExactly("kept");
        } finally {
            second.destroy();
        }
    }

    @Test
    void aTakenPortStopsStartUpWithTheSettingToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));

            assertThatIllegalStateException()
                .isThrownBy(() -> EmbeddedKafkaBroker.start(settings(taken.getLocalPort(), freePort())))
                .withMessageContaining("hub.kafka.embedded.port");
        }
    }

    @Test
    void theBrokerIsASingleNodeCluster() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings(freePort(), freePort()));
        try (Admin admin = Admin.create(broker.commonProperties())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(broker.clusterSize());
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        } finally {
            broker.destroy();
        }
    }

    private static Map<String, Object> producerConfig(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = broker.commonProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static List<String> readAll(EmbeddedKafkaBroker broker, String topic) {
        Map<String, Object> config = broker.commonProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
