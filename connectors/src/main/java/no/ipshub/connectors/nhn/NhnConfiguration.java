package no.ipshub.connectors.nhn;

import java.time.Clock;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.intake.MessageSubmissions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the edge for Norsk helsenett: the schemas, reading envelopes and writing receipts, the address,
 * conversation and outbox tables, the intake of envelopes, the EDI 2.0 client with its HelseID tokens, and the
 * {@code nhn-outbound}, {@code nhn-dispatch} and {@code nhn-poll} routes. {@code hub.nhn.enabled=false} leaves it
 * all out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NhnProperties.class)
@ConditionalOnProperty(prefix = "hub.nhn", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NhnConfiguration {

    @Bean
    NhnXml nhnXml() {
        return new NhnXml();
    }

    @Bean
    NhnIdentity nhnIdentity(NhnProperties properties) {
        return new NhnIdentity(properties.herId(), properties.name());
    }

    @Bean
    NhnAddressStore nhnAddressStore(JdbcTemplate jdbc) {
        return new NhnAddressStore(jdbc);
    }

    @Bean
    NhnConversationStore nhnConversationStore(JdbcTemplate jdbc) {
        return new NhnConversationStore(jdbc);
    }

    @Bean
    NhnDeliveryStore nhnDeliveryStore(JdbcTemplate jdbc) {
        return new NhnDeliveryStore(jdbc);
    }

    @Bean
    AppRecReader appRecReader(NhnXml xml) {
        return new AppRecReader(xml);
    }

    @Bean
    Edi2Client edi2Client(NhnProperties properties, Clock clock) {
        return new Edi2Client(properties.edi(),
                new HelseIdTokens(properties.helseId(), properties.edi().requestTimeout(), clock));
    }

    @Bean
    NhnDispatcher nhnDispatcher(NhnDeliveryStore deliveries, NhnAddressStore addresses,
            NhnConversationStore conversations, PartnerDirectory partners, NhnIdentity identity, NhnXml xml,
            Edi2Client edi, HubWireCodec codec, DeadLetterPublisher deadLetters, HubProducer producer,
            NhnProperties properties, InstanceIdentity instance, Clock clock) {
        return new NhnDispatcher(deliveries, addresses, conversations, partners,
                new DialogueRenderer(identity, xml, clock), edi, codec, deadLetters, producer, properties,
                instance.id(), clock);
    }

    @Bean
    NhnInboundPoller nhnInboundPoller(Edi2Client edi, DialogueIntake intake, AppRecReader receipts,
            NhnDispatcher dispatcher, NhnProperties properties) {
        return new NhnInboundPoller(edi, intake, receipts, dispatcher, properties);
    }

    @Bean
    NhnEnqueueProcessor nhnEnqueueProcessor(HubTopics topics, NhnAddressStore addresses, NhnDeliveryStore deliveries,
            NhnConversationStore conversations, HubWireCodec codec, DeadLetterPublisher deadLetters, Clock clock) {
        return new NhnEnqueueProcessor(topics, addresses, deliveries, conversations, codec, deadLetters, clock);
    }

    @Bean
    NhnOutboundRoute nhnOutboundRoute(BatchConsumerComponent batches, HubTopics topics, NhnEnqueueProcessor enqueue,
            JdbcTemplate jdbc) {
        return new NhnOutboundRoute(batches, topics, enqueue, jdbc);
    }

    @Bean
    NhnRoutes nhnRoutes(NhnProperties properties, NhnDispatcher dispatcher, NhnInboundPoller poller) {
        return new NhnRoutes(properties, dispatcher, poller);
    }

    @Bean
    DialogueIntake dialogueIntake(NhnXml xml, NhnIdentity identity, NhnAddressStore addresses,
            NhnConversationStore conversations, PartnerDirectory partners, MessageSubmissions intake, Clock clock) {
        return new DialogueIntake(new DialogueEnvelopeReader(xml), new AppRecWriter(identity, clock), addresses,
                conversations, partners, intake, clock);
    }
}
