package no.ipshub.routes.deadletter;

import java.time.Clock;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires dead letters: how they are built and the quarantine the engine's loops hand poison records to. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterPublishingConfiguration {

    @Bean
    DeadLetterQuarantine deadLetterQuarantine(DeadLetterPublisher publisher, HubTopics topics, Clock clock) {
        return new DeadLetterQuarantine(publisher, topics, clock);
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(HubWireCodec codec, HubTopics topics) {
        return new DeadLetterPublisher(codec, topics);
    }
}
