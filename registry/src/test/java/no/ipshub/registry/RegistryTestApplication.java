package no.ipshub.registry;

import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.registry.support.KafkaTestBroker;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest application holding the registry module: its beans plus a broker to keep schemas in. */
@SpringBootApplication
class RegistryTestApplication {

    @Bean
    KafkaClientSettings kafkaClientSettings() {
        return KafkaTestBroker.settings();
    }
}
