package no.ipshub.routes.migration;

import java.time.Clock;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicProvisioner;
import no.ipshub.routes.config.IdempotencyProperties;
import no.ipshub.routes.inbox.LegacyInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the one-time move of an earlier version's data, which runs before any route starts. */
@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {

    /** Runs before any route starts: routes are started by Camel once the context is refreshed. */
    @Bean
    PreviousVersionMigration previousVersionMigration(JdbcTemplate jdbc, HubKafkaClients kafka, HubTopics topics,
            HubWireCodec codec, StateChangelog changelog, LegacyInbox legacy, IdempotencyProperties idempotency,
            InstanceIdentity instance, Clock clock, TopicProvisioner provisionedTopics) {
        return new PreviousVersionMigration(jdbc, kafka, topics, codec, changelog, legacy, idempotency, instance, clock);
    }
}
