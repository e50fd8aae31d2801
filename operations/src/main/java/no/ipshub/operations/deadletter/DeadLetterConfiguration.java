package no.ipshub.operations.deadletter;

import java.time.Clock;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.json.HubMessageJson;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the dead-letter index, inspection and replay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterConfiguration {

    @Bean
    DeadLetterIndexProcessor deadLetterIndexProcessor(SchemaRegistryClient registry, DeadLetterStore store, Clock clock) {
        // decoding only: the hub registers the DeadLetter schema at start-up
        return new DeadLetterIndexProcessor(new AvroWireCodec(registry, false, false), store, clock);
    }

    @Bean
    DeadLetterInspector deadLetterInspector(DeadLetterStore store, HubWireCodec codec, HubTopics topics,
            PartnerDirectory partners, DeadLetterProperties properties) {
        return new DeadLetterInspector(store, codec, new HubMessageJson(), topics, partners, properties);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(DeadLetterStore store, HubProducer producer, HubTopics topics,
            PartnerDirectory partners, DeadLetterProperties properties, Clock clock) {
        return new DeadLetterReplayer(store, producer, topics, partners, properties, clock);
    }
}
