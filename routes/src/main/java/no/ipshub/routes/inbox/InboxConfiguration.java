package no.ipshub.routes.inbox;

import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires reading inbox topics by cursor, and the inboxes an earlier version kept in the database. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    /** How many inbox pages may be read at once per instance; more wait for a reader. */
    static final int INBOX_READERS = 4;

    @Bean
    LegacyInbox legacyInbox(JdbcTemplate jdbc) {
        return new LegacyInbox(jdbc);
    }

    @Bean(destroyMethod = "close")
    InboxReader inboxReader(HubKafkaClients kafka, HubTopics topics, HubWireCodec codec, LegacyInbox legacy,
            ProducerProperties producer, SupervisedLoops loops) {
        return new InboxReader(kafka, topics, codec, legacy, INBOX_READERS, producer.sendTimeout(), loops);
    }
}
