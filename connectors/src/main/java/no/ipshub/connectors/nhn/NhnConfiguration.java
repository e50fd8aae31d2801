package no.ipshub.connectors.nhn;

import java.time.Clock;
import no.ipshub.routes.intake.MessageSubmissions;
import no.ipshub.routes.partner.PartnerDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the edge for Norsk helsenett's side of the hub: the schemas, reading envelopes and writing receipts, the
 * address and conversation tables and the intake of envelopes. {@code hub.nhn.enabled=false} leaves it all out.
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
    DialogueIntake dialogueIntake(NhnXml xml, NhnIdentity identity, NhnAddressStore addresses,
            NhnConversationStore conversations, PartnerDirectory partners, MessageSubmissions intake, Clock clock) {
        return new DialogueIntake(new DialogueEnvelopeReader(xml), new AppRecWriter(identity, clock), addresses,
                conversations, partners, intake, clock);
    }
}
